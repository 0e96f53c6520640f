package newsalert.app;

import static newsalert.app.ScanCommandTest.lines;
import static newsalert.app.ScanCommandTest.scan;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 13 item 3: {@code scan} runs {@code run}'s decision path input by input over a temporary store, with
 * {@code run}'s settings ({@code events.min-outlets} included), holding one input's entries at a time.
 *
 * <p>The fixtures are the three wires of {@code src/test/resources/event/}: the Poltava strike told by Alpha
 * Wire (fx-a-1), Bravo News (fx-b-1) and Charlie Post (fx-c-1), a drone strike told by Bravo News alone (fx-b-2),
 * and two stories without a topic.
 */
class ScanPipelineTest {
    @TempDir
    Path dir;

    private static Path events() {
        try {
            return Path.of(ScanPipelineTest.class.getResource("/event").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path config(String yaml) throws IOException {
        return Files.writeString(dir.resolve("c.yml"), yaml);
    }

    private static Map<String, Boolean> alertById(String out) throws Exception {
        Map<String, Boolean> alerts = new LinkedHashMap<>();
        for (JsonNode row : lines(out)) {
            alerts.put(row.get("id").asText(), row.get("alert").asBoolean());
        }
        return alerts;
    }

    @Test
    void withTheDefaultOneOutletEveryAlertWorthyStoryIsAnAlert() throws Exception {
        ScanCommandTest.Result r = scan("--json", events().toString());

        // fx-a-2 (Poland's minister met Ukrainian counterparts for talks) is diplomacy since issue 15's meeting rule
        assertThat(alertById(r.out())).containsExactly(Map.entry("fx-a-1", true), Map.entry("fx-a-2", true),
                Map.entry("fx-b-1", true), Map.entry("fx-b-2", true), Map.entry("fx-c-1", true),
                Map.entry("fx-c-2", false));
        assertThat(r.err()).endsWith("3 input(s) read, 0 failed; 6 stories, 5 alerts, 4 events\n");
    }

    @Test
    void scanHonoursEventsMinOutletsFromTheConfig() throws Exception {
        Path c = config("events:\n  min-outlets: 2\n");

        ScanCommandTest.Result json = scan("--json", "--config", c.toString(), events().toString());
        ScanCommandTest.Result text = scan("--config", c.toString(), events().toString());
        ScanCommandTest.Result grouped = scan("--events", "--json", "--all", "--config", c.toString(),
                events().toString());

        // Alpha Wire's report is decided while its event has one outlet; Bravo News brings the second; the drone
        // strike never gets a second outlet
        assertThat(alertById(json.out())).containsExactly(Map.entry("fx-a-1", false), Map.entry("fx-a-2", false),
                Map.entry("fx-b-1", true), Map.entry("fx-b-2", false), Map.entry("fx-c-1", true),
                Map.entry("fx-c-2", false));
        assertThat(json.err()).endsWith("3 input(s) read, 0 failed; 6 stories, 2 alerts, 4 events\n");
        assertThat(text.out()).contains("Fifteen dead as Russian missiles strike Poltava institute")
                .contains("Poltava missile strike death toll rises to 19")
                .doesNotContain("Drone hits gas facility").doesNotContain("kills at least 12");
        assertThat(lines(grouped.out())).extracting(e -> e.get("outlets").asInt() + " " + e.get("alert").asBoolean())
                .containsExactly("3 true", "1 false", "1 false", "1 false");
    }

    @Test
    void aScanOfManyCopiesHoldsOneInputsEntriesAndEachStoryOnceInTheEventMemory() throws Exception {
        ScanCommand few = scanCopies(2);
        ScanCommand many = scanCopies(12);

        assertThat(few.peakEntriesHeld).isEqualTo(2); // each wire has two items
        assertThat(many.peakEntriesHeld).isEqualTo(2);
        assertThat(few.eventStoriesHeld).isEqualTo(6);
        assertThat(many.eventStoriesHeld).isEqualTo(6);
    }

    private ScanCommand scanCopies(int copies) throws Exception {
        Path root = Files.createDirectory(dir.resolve("copies-" + copies));
        List<Path> wires;
        try (Stream<Path> files = Files.list(events())) {
            wires = files.sorted().toList();
        }
        for (int i = 0; i < copies; i++) {
            Path copy = Files.createDirectory(root.resolve("copy-" + i));
            for (Path wire : wires) {
                Files.copy(wire, copy.resolve(wire.getFileName()));
            }
        }
        ScanCommand scan = new ScanCommand();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new CommandLine(scan).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute("--json", root.toString());
        assertThat(code).isZero();
        assertThat(err.toString()).endsWith((3 * copies) + " input(s) read, 0 failed; " + (6 * copies)
                + " stories, " + (5 * copies) + " alerts, 4 events\n");
        assertThat(lines(out.toString())).hasSize(6 * copies);
        return scan;
    }

    @Test
    void theTemporaryStoreIsGoneWhenClosed() throws Exception {
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        try (ScanStore store = ScanStore.create(tmp)) {
            assertThat(store.store().priorState("scan:0:x", List.of()).seen()).isEmpty();
            try (Stream<Path> files = Files.list(tmp)) {
                assertThat(files).isNotEmpty();
            }
        }
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void theSpillGivesBackEachStoryAsAddedInPublishedOrderUndatedLastAndDeletesItsFile() throws Exception {
        Path tmp = Files.createDirectory(dir.resolve("spill"));
        newsalert.story.Story late = new newsalert.story.Story("late", "Alpha Wire", "Port shelled again", null,
                java.time.Instant.parse("2026-03-04T10:00:00Z"), "Kharkiv — “quiet” again ☀", null);
        newsalert.story.Story undated = new newsalert.story.Story("undated", "", "No date here",
                "https://a.example.test/u", null, "", "https://a.example.test/u.jpg");
        newsalert.story.Story early = new newsalert.story.Story("early", "Bravo News", "Port shelled",
                "https://b.example.test/e", java.time.Instant.parse("2026-03-04T08:00:00.5Z"), "body", null);
        try (ScanSpill spill = ScanSpill.create(tmp)) {
            spill.add(0, late);
            spill.add(0, undated);
            spill.add(1, early);
            spill.setText(2, "printed ✓\n");

            assertThat(spill.publishedOrder()).containsExactly(2, 0, 1);
            assertThat(spill.story(0)).isEqualTo(late);
            assertThat(spill.story(1)).isEqualTo(undated);
            assertThat(spill.story(2)).isEqualTo(early);
            assertThat(spill.input(2)).isEqualTo(1);
            assertThat(spill.text(2)).isEqualTo("printed ✓\n");
            assertThat(spill.text(0)).isEmpty();
        }
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left).isEmpty();
        }
    }
}
