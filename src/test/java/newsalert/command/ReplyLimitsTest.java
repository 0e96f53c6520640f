package newsalert.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
            assertThat(text).startsWith("Latest alerts:\n• Long title 19 ").endsWith("\n…and 10 more");
        }
    }
}
