package newsalert.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReplyLimitsTest {
    @TempDir
    Path dir;

    @Test
    void longListsAreCutWithAndNMore() {
        List<String> lines = IntStream.range(0, 100).mapToObj(i -> String.format("line %03d %s", i, "x".repeat(90)))
                .toList();
        String text = Render.list("Header:", lines);
        assertThat(text.length()).isLessThanOrEqualTo(Reply.MAX_LENGTH);
        // each line is 100 chars + newline: 39 fit under 4,000 with room for the footer
        assertThat(text).endsWith("\nline 038 " + "x".repeat(90) + "\n…and 61 more");
    }

    @Test
    void shortListsAreKeptWhole() {
        assertThat(Render.list("H:", List.of("a", "b"))).isEqualTo("H:\na\nb");
    }

    @Test
    void overlongTextIsCutToTheLimit() {
        Reply r = Reply.of("y".repeat(5000));
        assertThat(r.text()).hasSize(Reply.MAX_LENGTH).endsWith("y…");
    }

    @Test
    void latestTwentyLongTitlesStayUnderTheLimit() {
        try (CommandFixture f = new CommandFixture(dir)) {
            for (int i = 0; i < 20; i++) {
                f.story("id" + i, "Long title " + i + " " + "word ".repeat(60), CommandFixture.strike(), true, i);
            }
            String text = f.member("latest 20").text();
            assertThat(text.length()).isLessThanOrEqualTo(Reply.MAX_LENGTH);
            // titles are cut to 200 chars, so an entry is ~268 chars and 14 of the 20 fit
            assertThat(text).startsWith("Latest alerts:\n• Long title 19 ").endsWith("\n  id: id6\n…and 6 more");
        }
    }

    static Stream<Arguments> titles() {
        return Stream.of(
                Arguments.of("short title kept", "Strike on Odesa port", "Strike on Odesa port"),
                Arguments.of("blank is untitled", "   ", "(untitled)"),
                Arguments.of("exactly 200 kept", "a".repeat(200), "a".repeat(200)),
                Arguments.of("cut at the space at 199", "word ".repeat(60), "word ".repeat(39) + "word…"),
                Arguments.of("cut at a space, comma dropped", "drone, ".repeat(50), "drone, ".repeat(27) + "drone…"),
                Arguments.of("no space: hard cut", "x".repeat(5000), "x".repeat(199) + "…"),
                Arguments.of("spaces only early: hard cut", "a b " + "y".repeat(300), "a b " + "y".repeat(195) + "…"),
                Arguments.of("no half surrogate pair", "\uD83D\uDE00".repeat(150), "\uD83D\uDE00".repeat(99) + "…"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("titles")
    void longTitlesAreCutTo200OnAWordBoundary(String why, String raw, String expected) {
        assertThat(Render.title(raw)).isEqualTo(expected).hasSizeLessThanOrEqualTo(Render.MAX_TITLE);
    }

    private static final String HUGE = "Kyiv " + "x".repeat(4995);
    private static final String HUGE_CUT = "Kyiv " + "x".repeat(194) + "…";

    @Test
    void oneHugeTitleNoLongerBlanksLatestAndSearch() {
        try (CommandFixture f = new CommandFixture(dir)) {
            f.story("old", "Strike on Odesa port", CommandFixture.strike(), true, 0);
            f.story("big", HUGE, CommandFixture.strike(), true, 1);
            String latest = f.member("latest 5").text();
            assertThat(latest).doesNotContain("more").contains("\n• " + HUGE_CUT + " (attack, severity 80")
                    .contains("\n  id: big\n• Strike on Odesa port (attack, severity 80").endsWith("\n  id: old");
            String search = f.member("search kyiv").text();
            assertThat(search).doesNotContain("more").contains("\n• " + HUGE_CUT + " (attack, severity 80")
                    .endsWith("\n  id: big");
        }
    }

    @Test
    void storyAndWhyHeadersShowTheCutTitle() {
        try (CommandFixture f = new CommandFixture(dir)) {
            f.story("big", HUGE, CommandFixture.strike(), true, 1);
            assertThat(f.member("story big").text()).startsWith(HUGE_CUT + "\nSource: Test Wire").endsWith("\nid: big");
            assertThat(f.member("why big").text()).startsWith("Story big \"" + HUGE_CUT + "\" was not sent here");
        }
    }
}
