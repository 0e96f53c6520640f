package newsalert.analysis.quote;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link QuoteText#normalizeSpaces} (with its shortcut for texts joined by single line breaks) and the
 * quote extractor's blanking of quoted spans give what the plain rules give.
 */
class QuoteTextSpacesTest {

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`The mayor said.\nRescuers dug on.`|`The mayor said. Rescuers dug on.`",
        "`  “We will rebuild,” he said.\nTwo died.\n`|`“We will rebuild,” he said. Two died.`",
        "`one\n\ntwo`|`one two`",
        "`one \ntwo`|`one two`",
        "`one\n two`|`one two`",
        "`one\ttwo\nthree`|`one two three`",
        "`one\r\ntwo`|`one two`",
        "`one\u2003two\nthree`|`one two three`",
        "`no\u00A0break\nhere`|`no\u00A0break here`",
        "`already clean`|`already clean`",
        "`double  space`|`double space`",
        "`line\nbreaks\nonly, one  double`|`line breaks only, one double`",
        "`“Quoted,” she said.\nNext line\u3000here`|`“Quoted,” she said. Next line here`"
    })
    void matchesThePlainRule(String in, String expected) {
        assertThat(QuoteText.normalizeSpaces(in)).isEqualTo(expected).isEqualTo(plainRule(in));
    }

    /** The rule written the simple way: strip, then each run of white space becomes one space. */
    private static String plainRule(String s) {
        StringBuilder b = new StringBuilder();
        boolean space = false;
        for (char c : s.strip().toCharArray()) {
            if (Character.isWhitespace(c)) {
                space = true;
            } else {
                if (space) {
                    b.append(' ');
                }
                b.append(c);
                space = false;
            }
        }
        return b.toString();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`“We hold the line,” Marchenko said.`|`                    Marchenko said.`",
        "`He called it \"a lie\" and 'theatre' on Friday.`|`He called it         and           on Friday.`",
        "`No quote at all here.`|`No quote at all here.`",
        "`“Run on to the end`|`                  `"
    })
    void blanksQuotedSpans(String paragraph, String expected) {
        List<QuoteSpan> spans = QuoteSpans.find(paragraph);
        assertThat(QuoteSpans.masked(paragraph, spans)).isEqualTo(expected).hasSameSizeAs(paragraph);
    }
}
