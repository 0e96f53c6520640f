package newsalert.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The cheap paths of {@link PlainText} (text without markup skips jsoup; spacing collapsed by hand) must give
 * what jsoup and the former regular expressions give.
 */
class PlainTextFastPathTest {
    private static final String[] PIECES = {"word", "Kyiv", " ", "  ", "\n", "\n\n", "\n \t\n", "\t", "\u00A0",
            "\u2007", "\u202F", "\u2003", "\u000B", "\f", "\u0001", "\u007F", "\u0085", "\u202E", "\u2067", "é", "\u2019",
            "\uD83D\uDE00", ".", ",", "'", "\"", ">", "]]", ";", "#", "x"};
    private static final Pattern INVISIBLE =
            Pattern.compile("[\\u0000-\\u0008\\u000B\\u000E-\\u001F\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069]");

    @Test
    void textWithoutMarkupGivesJsoupsResult() {
        Random random = new Random(21);
        int cheap = 0;
        for (int k = 0; k < 20_000; k++) {
            String s = text(random, random.nextInt(40));
            if (PlainText.hasNoMarkup(s)) {
                cheap++;
            }
            assertThat(PlainText.fromHtml(s)).as(s).isEqualTo(PlainText.viaJsoup(s));
            assertThat(PlainText.line(s)).as(s).isEqualTo(PlainText.collapse(PlainText.viaJsoup(s)));
        }
        assertThat(cheap).isGreaterThan(10_000);
        String paragraphs = "First para.\n \nSecond\u00A0para. \u202Ehidden mark";
        assertThat(PlainText.fromHtml(paragraphs)).isEqualTo("First para.\n\nSecond para. hidden mark");
    }

    @Test
    void markupAndLongTextStillGoThroughJsoup() {
        assertThat(PlainText.hasNoMarkup("a <b>bold</b> word")).isFalse();
        assertThat(PlainText.hasNoMarkup("Q&amp;A")).isFalse();
        assertThat(PlainText.hasNoMarkup("old\r\rmac")).isFalse();
        assertThat(PlainText.hasNoMarkup("x".repeat(9_000))).isFalse();
        assertThat(PlainText.fromHtml("Q&amp;A &lt;today&gt;")).isEqualTo("Q&A <today>");
    }

    @Test
    void collapseIsTheFormerRegularExpressions() {
        Random random = new Random(22);
        for (int k = 0; k < 20_000; k++) {
            String s = text(random, random.nextInt(25));
            String former = INVISIBLE.matcher(s).replaceAll("").replaceAll("[\\s\\u00A0\\u2007\\u202F]+", " ").trim();
            assertThat(PlainText.collapse(s)).as(s).isEqualTo(former);
        }
    }

    private static String text(Random random, int pieces) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            b.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return b.toString();
    }
}
