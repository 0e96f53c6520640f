package newsalert.analysis.quote;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written paragraph split gives exactly what splitting at the regex {@code \n\s*\n} gives. */
class QuoteParagraphsTest {
    private static final Pattern BLANK_LINE = Pattern.compile("\\n\\s*\\n");

    @ParameterizedTest
    @ValueSource(strings = {
        "One paragraph only.",
        "First line\nwrapped line.",
        "Troops moved in.\n\nOfficials said nothing.",
        "A.\n \t\n\n  B.\n\nC.",
        "A.\n  \nB.\n\u00A0\nC.",
        "A.\r\n\r\nB.",
        "A.\n\u000B\nB.\n\fx",
        "Ends here.\n\n\n\nLast one"})
    void splitsLikeTheRegex(String raw) {
        String text = raw.strip();
        assertThat(QuoteText.paragraphs(text)).containsExactly(BLANK_LINE.split(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Kyiv was hit overnight.\n\n\"We will rebuild,\" the mayor said.\n\nMore follows."})
    void givesThreeParagraphs(String text) {
        assertThat(QuoteText.paragraphs(text)).isEqualTo(List.of("Kyiv was hit overnight.",
                "\"We will rebuild,\" the mayor said.", "More follows."));
    }
}
