package newsalert.analysis.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link Tokenizer#tokenizeWithOffsets} gives the tokens and offsets of the plain rule (lower-case the
 * whole text, then cut runs of letters and digits), whether or not it lower-cases token by token.
 */
class TokenizerLowerCaseTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            RUSSIA'S army SAYS it struck 12 targets | russia,army,says,it,struck,12,targets
            “Kyiv’s mayor” said: the blast — at 3AM — hit a café | kyiv,mayor,said,the,blast,at,3am,hit,a,café
            İstanbul police said İ was hurt | i,stanbul,police,said,i,was,hurt
            ΟΔΟΣ ΣΟΦΊΑΣ in Athens's centre | οδος,σοφίας,in,athens,centre
            Über 40 Menschen in Zürich ÉTÉ | über,40,menschen,in,zürich,été
            Rockets 🚀 hit Sderot’S edge | rockets,hit,sderot,edge
            plain lower case, nothing else | plain,lower,case,nothing,else
            """)
    void matchesThePlainRule(String text, String expected) {
        Tokenizer.Tokens tokens = Tokenizer.tokenizeWithOffsets(text);
        assertThat(List.of(tokens.words())).isEqualTo(plainRule(text));
        assertThat(String.join(",", tokens.words())).isEqualTo(expected);
        for (int k = 0; k < tokens.length(); k++) {
            assertThat(tokens.ends()[k] - tokens.starts()[k]).isEqualTo(tokens.words()[k].length());
        }
    }

    /** The rule written the simple way: whole-text lower case, then runs, dropping a lone s after an apostrophe. */
    private static List<String> plainRule(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= lower.length(); i++) {
            if (i < lower.length() && Character.isLetterOrDigit(lower.charAt(i))) {
                start = start < 0 ? i : start;
                continue;
            }
            if (start >= 0) {
                boolean possessive = i - start == 1 && lower.charAt(start) == 's' && start > 0
                        && (lower.charAt(start - 1) == '\'' || lower.charAt(start - 1) == '\u2019');
                if (!possessive) {
                    out.add(lower.substring(start, i));
                }
                start = -1;
            }
        }
        return out;
    }
}
