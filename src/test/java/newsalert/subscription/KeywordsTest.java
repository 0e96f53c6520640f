package newsalert.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeywordsTest {

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Zaporizhzhia          |
            '  Gaza   Strip '     |
            al-Shifa              |
            ''                    | A keyword cannot be empty. Example: keywords add Zaporizhzhia
            '   '                 | A keyword cannot be empty. Example: keywords add Zaporizhzhia
            '!!! ...'             | A keyword needs at least one letter or digit; punctuation is ignored when matching.
            a\u0000b              | A keyword cannot contain control characters.
            (a+)+$                | Keywords are plain words or phrases, not patterns: leave out ( (letters, digits, spaces and - ' . & are fine).
            <b>x</b>              | Keywords are plain words or phrases, not patterns: leave out < (letters, digits, spaces and - ' . & are fine).
            kh.*                  | Keywords are plain words or phrases, not patterns: leave out * (letters, digits, spaces and - ' . & are fine).
            O'Brien               |
            U.N.                  |
            AT&T                  |
            Київ                  |
            """)
    void validatesOneTerm(String term, String error) {
        String raw = term.replace("\\u0000", "\u0000");
        assertThat(Keywords.validate(raw).orElse(null)).isEqualTo(error);
    }

    @Test
    void anInvisibleCharacterIsNamedByItsCodeNotEchoed() {
        assertThat(Keywords.validate("Kyiv\u202e")).contains("Keywords are plain words or phrases, not patterns:"
                + " leave out U+202E (an invisible character) (letters, digits, spaces and - ' . & are fine).");
        assertThat(Keywords.validate("ka\u200brkiv")).contains("Keywords are plain words or phrases, not patterns:"
                + " leave out U+200B (an invisible character) (letters, digits, spaces and - ' . & are fine).");
    }

    @Test
    void termsOverSixtyFourCharactersAreRefusedWithTheirLength() {
        assertThat(Keywords.validate("x".repeat(64))).isEmpty();
        assertThat(Keywords.validate("x".repeat(65))).contains(
                "That keyword is 65 characters long; the limit is 64. Use a shorter word or phrase.");
        // length is counted after collapsing whitespace
        assertThat(Keywords.validate("  " + "y".repeat(30) + "      " + "z".repeat(33) + "  ")).isEmpty();
    }

    @Test
    void theFiftyFirstRuleOfAChatIsRefused() {
        assertThat(Keywords.validate("Mariupol", 49)).isEmpty();
        assertThat(Keywords.validate("Mariupol", 50)).contains(
                "This chat already has 50 keywords, the most allowed is 50. Remove one first with: keywords remove <term>");
        // a bad term is reported before the count
        assertThat(Keywords.validate("", 50)).contains("A keyword cannot be empty. Example: keywords add Zaporizhzhia");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            '  Gaza \t Strip  ' | gaza strip
            KYIV                | kyiv
            İstanbul            | i̇stanbul
            """)
    void normalizes(String raw, String expected) {
        assertThat(Keywords.normalize(raw.replace("\\t", "\t"))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Kyiv's mayor said (at 09:30) 19 died.  | kyiv s mayor said at 09 30 19 died
            al-Shifa — Gaza                         | al shifa gaza
            Ярославль, Україна                      | ярославль україна
            नई दिल्ली में हमला                          | नई दिल्ली में हमला
            ...                                     |
            """)
    void tokenises(String text, String expected) {
        assertThat(Keywords.tokens(text)).containsExactlyElementsOf(
                expected == null ? java.util.List.of() : Arrays.asList(expected.split(" ")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            gaza strip   | Strikes across the Gaza  Strip on Monday | true
            gaza strip   | Gaza: strip malls closed                 | true
            gaza strip   | Gaza and the strip                       | false
            gaza         | Gazan officials                          | false
            strip        | Gaza Strip                               | true
            a.b          | A B                                      | true
            (.*)+        | anything at all                          | false
            """)
    void matchesWholeWordPhrases(String term, String text, boolean expected) {
        assertThat(new TokenText(text).contains(term)).isEqualTo(expected);
    }

    @Test
    void aRuleNeedsATerm() {
        assertThatThrownBy(() -> new KeywordRule(Platform.TELEGRAM, "1", "  ", KeywordRule.Kind.INCLUDE, null,
                Instant.EPOCH)).isInstanceOf(IllegalArgumentException.class).hasMessage("a keyword rule needs a term");
    }

    @Test
    void fullwidthAndCaseVariantsMatchInOneNormalForm() {
        TokenText text = new TokenText("Air raid alert over Kyiv; STRAẞE closed in Köln");
        assertThat(Keywords.normalize("ＫＹＩＶ")).isEqualTo("kyiv");
        assertThat(text.contains("ＫＹＩＶ")).isTrue();
        assertThat(text.contains("kyiv")).isTrue();
        // ß and ẞ fold to ss, as Unicode full case folding does
        assertThat(Keywords.normalize("Straße")).isEqualTo("strasse");
        assertThat(text.contains("straße")).isTrue();
        assertThat(text.contains("strasse")).isTrue();
        // a ligature and fullwidth digits are compatibility characters: NFKC turns them into plain ones
        assertThat(Keywords.tokens("ﬁghting near Ｋｈａｒｋｉｖ on ２４ February"))
                .containsExactly("fighting", "near", "kharkiv", "on", "24", "february");
        assertThat(new TokenText("Ｋｈａｒｋｉｖ").contains("Kharkiv")).isTrue();
        // final and medial sigma are one letter
        assertThat(new TokenText("ΟΔΟΣ").contains("οδοσ")).isTrue();
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            кharkiv          | The letter 'к' (Cyrillic) in 'кharkiv' is not Latin like the rest; retype it.
            Kyiv Оdesa       | The letter 'о' (Cyrillic) in 'оdesa' is not Latin like the rest; retype it.
            Київ             |
            Kyiv Київ        |
            αthens           | The letter 'α' (Greek) in 'αthens' is not Latin like the rest; retype it.
            Mariupol2022     |
            東京タワー        |
            iPhone用         |
            """)
    void refusesWordsThatMixScripts(String term, String error) {
        assertThat(Keywords.validate(term).orElse(null)).isEqualTo(error);
    }
}
