package newsalert.analysis.quote;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The cheap start test that {@link QuoteAttribution} runs before its lower-case regexes. */
class QuoteAttributionFilterTest {
    private static final Pattern LOWER_START = Pattern.compile("^\\p{Ll}");

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `speaking to reporters, the minister` | true
            `Marchenko`                           | false
            `ötzi`                                | true
            `\uD835\uDC4E is a maths letter`      | true
            `4 officials`                         | false
            ``                                    | false
            """)
    void startsLowerCaseWheneverTheRegexCouldMatch(String text, boolean expected) {
        String s = text.translateEscapes();
        assertThat(QuoteAttribution.startsLowerCase(s)).isEqualTo(expected);
        if (LOWER_START.matcher(s).find()) {
            assertThat(QuoteAttribution.startsLowerCase(s)).isTrue();
        }
    }
}
