package newsalert.analysis.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Tokenizer#tokenizeWithOffsets}: tokens are cut over the original characters (letters and digits by
 * code point, combining marks after them), each word is normalised alone (NFKC, lower case by
 * {@link Locale#ROOT}, İ and ı made i), and each token's offsets are those of its run in the original text.
 */
class TokenizerLowerCaseTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            RUSSIA'S army SAYS it struck 12 targets | russia,army,says,it,struck,12,targets
            “Kyiv’s mayor” said: the blast — at 3AM — hit a café | kyiv,mayor,said,the,blast,at,3am,hit,a,café
            İstanbul police said İ was hurt | istanbul,police,said,i,was,hurt
            ΟΔΟΣ ΣΟΦΊΑΣ in Athens's centre | οδος,σοφίας,in,athens,centre
            Über 40 Menschen in Zürich ÉTÉ | über,40,menschen,in,zürich,été
            Rockets 🚀 hit Sderot’S edge | rockets,hit,sderot,edge
            plain lower case, nothing else | plain,lower,case,nothing,else
            Ｃａｒ ｂｏｍｂ ｋｉｌｌｓ ３ | car,bomb,kills,3
            the ﬁre at the ﬂat | the,fire,at,the,flat
            DİYARBAKIR and Diyarbakır and DIYARBAKIR | diyarbakir,and,diyarbakir,and,diyarbakir
            𝐁𝐨𝐦𝐛 hits 𝐊𝐲𝐢𝐯 | bomb,hits,kyiv
            """)
    void cutsTheOriginalAndNormalisesEachWord(String text, String expected) {
        Tokenizer.Tokens tokens = Tokenizer.tokenizeWithOffsets(text);
        assertThat(String.join(",", tokens.words())).isEqualTo(expected);
        assertThat(List.of(tokens.words())).isEqualTo(simpleRule(text));
        assertOffsetsTrue(text, tokens);
    }

    @Test
    void offsetsAfterADottedCapitalIStayOnTheText() {
        String text = "İstanbul and İzmir: a car bomb";
        Tokenizer.Tokens tokens = Tokenizer.tokenizeWithOffsets(text);
        assertThat(tokens.words()).containsExactly("istanbul", "and", "izmir", "a", "car", "bomb");
        assertThat(tokens.starts()).containsExactly(0, 9, 13, 20, 22, 26);
        assertThat(tokens.ends()).containsExactly(8, 12, 18, 21, 25, 30);
        assertThat(text.substring(tokens.starts()[4], tokens.ends()[5])).isEqualTo("car bomb");
    }

    @Test
    void decomposedAccentsAreOneWordWithTheComposedForm() {
        String nfd = "cafe\u0301 in Sa\u0303o Paulo";
        String nfc = Normalizer.normalize(nfd, Normalizer.Form.NFC);
        Tokenizer.Tokens a = Tokenizer.tokenizeWithOffsets(nfd);
        Tokenizer.Tokens b = Tokenizer.tokenizeWithOffsets(nfc);
        assertThat(a.words()).containsExactly("café", "in", "são", "paulo");
        assertThat(b.words()).containsExactly(a.words());
        // the decomposed text keeps its own offsets: each accent is one character more
        assertThat(a.starts()).containsExactly(0, 6, 9, 14);
        assertThat(a.ends()).containsExactly(5, 8, 13, 19);
        assertThat(b.starts()).containsExactly(0, 5, 8, 12);
    }

    @Test
    void dotlessIKeepsItsOffsetsAndMeetsItsCapital() {
        String text = "Iğdır and IĞDIR";
        Tokenizer.Tokens tokens = Tokenizer.tokenizeWithOffsets(text);
        assertThat(tokens.words()).containsExactly("iğdir", "and", "iğdir");
        assertThat(tokens.starts()).containsExactly(0, 6, 10);
        assertThat(tokens.ends()).containsExactly(5, 9, 15);
    }

    @Test
    void offsetsAfterEmojiCountBothHalvesOfTheirSurrogatePairs() {
        String text = "🚀🔥 Rockets hit İzmir 👍🏽 at dawn";
        Tokenizer.Tokens tokens = Tokenizer.tokenizeWithOffsets(text);
        assertThat(tokens.words()).containsExactly("rockets", "hit", "izmir", "at", "dawn");
        for (int k = 0; k < tokens.length(); k++) {
            String cut = text.substring(tokens.starts()[k], tokens.ends()[k]);
            assertThat(Tokenizer.normalise(cut, 0, cut.length())).isEqualTo(tokens.words()[k]);
        }
        assertThat(tokens.starts()[4]).isEqualTo(text.indexOf("dawn"));
    }

    @Test
    void aMarkAfterAnEmojiIsNoWord() {
        // U+FE0F (a variation selector, a mark) after a symbol starts nothing
        assertThat(Tokenizer.tokenize("⚠\uFE0F alert ✈\uFE0F")).containsExactly("alert");
    }

    @Test
    void lexIdsAreThoseOfTheNormalisedWords() {
        Tokenizer.Lexed lexed = Tokenizer.lex("ＢＯＭＢ İstanbul");
        assertThat(lexed.ids()[0]).isEqualTo(Vocabulary.DEFAULT.id("bomb")).isNotNegative();
        assertThat(lexed.inPlace()).isFalse();
        assertThat(Tokenizer.lex("a café in Zürich").inPlace()).isTrue();
    }

    @Test
    void lowerKeepingOffsetsKeepsTheLength() {
        String text = "İSTANBUL Işık 🚀 ÉTÉ";
        String lower = Tokenizer.lowerKeepingOffsets(text);
        assertThat(lower).hasSize(text.length()).isEqualTo("istanbul işık 🚀 été");
    }

    /** Random texts over awkward characters: the tokens follow the simple rule and their offsets hold. */
    @Test
    void randomTextsFollowTheSimpleRule() {
        String[] pieces = {"a", "B", "z", "7", " ", ",", "'", "’", "s", "S", "-", "İ", "ı", "I", "é", "e\u0301",
            "\u0301", "Ｋ", "３", "ﬁ", "🚀", "𝐁", "\uFE0F", "ß", "Σ", "ς", "Ж", "क", "ि", "\n", "—", "ǅ", "\u200D"};
        Random random = new Random(15);
        for (int round = 0; round < 3000; round++) {
            StringBuilder b = new StringBuilder();
            int len = random.nextInt(12);
            for (int k = 0; k < len; k++) {
                b.append(pieces[random.nextInt(pieces.length)]);
            }
            String text = b.toString();
            Tokenizer.Tokens tokens = Tokenizer.tokenizeWithOffsets(text);
            assertThat(List.of(tokens.words())).as(text).isEqualTo(simpleRule(text));
            assertOffsetsTrue(text, tokens);
            Tokenizer.Lexed lexed = Tokenizer.lex(text);
            assertThat(lexed.tokens().words()).isEqualTo(tokens.words());
            for (int k = 0; k < lexed.tokens().length(); k++) {
                assertThat(lexed.ids()[k]).isEqualTo(Vocabulary.DEFAULT.id(tokens.words()[k]));
            }
        }
    }

    private static void assertOffsetsTrue(String text, Tokenizer.Tokens tokens) {
        int last = 0;
        for (int k = 0; k < tokens.length(); k++) {
            int s = tokens.starts()[k];
            int e = tokens.ends()[k];
            assertThat(s).isGreaterThanOrEqualTo(last);
            assertThat(e).isGreaterThan(s).isLessThanOrEqualTo(text.length());
            assertThat(Tokenizer.normalise(text, s, e)).isEqualTo(tokens.words()[k]);
            last = e;
        }
    }

    /**
     * The rule written the simple way, by code point: a word starts at a letter or digit and runs over
     * letters, digits and marks; a lone s after an apostrophe is dropped; each word is NFKC, İ/ı → i, lower case.
     */
    private static List<String> simpleRule(String text) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (!Character.isLetterOrDigit(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            i += Character.charCount(cp);
            while (i < text.length()) {
                int c = text.codePointAt(i);
                int type = Character.getType(c);
                boolean mark = type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                        || type == Character.ENCLOSING_MARK;
                if (!Character.isLetterOrDigit(c) && !mark) {
                    break;
                }
                i += Character.charCount(c);
            }
            String raw = text.substring(start, i);
            boolean possessive = raw.equals("s") || raw.equals("S");
            possessive &= start > 0 && (text.charAt(start - 1) == '\'' || text.charAt(start - 1) == '’');
            if (!possessive) {
                String w = Normalizer.normalize(raw, Normalizer.Form.NFKC).replace('İ', 'i').replace('ı', 'i');
                out.add(Normalizer.normalize(w.toLowerCase(Locale.ROOT), Normalizer.Form.NFKC));
            }
        }
        return out;
    }
}
