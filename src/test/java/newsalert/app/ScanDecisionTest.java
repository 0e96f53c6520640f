package newsalert.app;

import static newsalert.app.ScanCommandTest.lines;
import static newsalert.app.ScanCommandTest.scan;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: {@code scan --explain} shows, under each story with a topic that {@code run} would not alert, the
 * same decision {@code run} logs: too old, joined an alerted event, below the severity cut, held by min-outlets.
 * Dates are written relative to the current time so that "recent" stories are recent; the decisions named do
 * not depend on how long the test takes.
 */
class ScanDecisionTest {
    private static final String STRIKE = "Drone attack on Odesa port kills three, injures 11";
    private static final String BODY = "<p>Drones struck port buildings in Odesa overnight, killing three people and"
            + " injuring 11, the regional governor said on Tuesday.</p>";

    @TempDir
    Path dir;

    private static String item(String guid, String title, Instant published) {
        return "<item><title>" + title + "</title><link>https://wire.example.test/" + guid + "</link><guid>" + guid
                + "</guid><pubDate>" + DateTimeFormatter.RFC_1123_DATE_TIME.format(published.atOffset(ZoneOffset.UTC))
                + "</pubDate><description><![CDATA[" + BODY + "]]></description></item>";
    }

    private Path feed(String... items) throws Exception {
        return Files.writeString(dir.resolve("feed.xml"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\">"
                + "<channel><title>Test Wire</title><link>https://wire.example.test/</link>" + String.join("", items)
                + "</channel></rss>");
    }

    private Path config(String yaml) throws Exception {
        return Files.writeString(dir.resolve("c.yml"), yaml);
    }

    @Test
    void aSecondReportOfTheSameStrikeJoinsTheAlertedEventAndAnOldOneIsTooOld() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Path f = feed(item("a1", STRIKE, now.minus(2, ChronoUnit.HOURS)), item("a2", STRIKE, now.minus(1, ChronoUnit.HOURS)),
                item("old", STRIKE.replace("Odesa", "Izmail"), Instant.parse("2025-03-04T06:10:00Z")));
        ScanCommandTest.Result r = scan("--explain", f.toString());
        String event = lines(scan("--json", f.toString()).out()).get(0).get("event").asText();

        String[] blocks = r.out().split("\n\n");
        assertThat(blocks).hasSize(3);
        assertThat(blocks[0]).contains("id: a1").doesNotContain("run would not alert it");
        assertThat(blocks[1]).contains("id: a2").endsWith("\n  run would not alert it: joined event " + event + " (\""
                + STRIKE + "\"), whose alert was already queued; later stories only edit it when the counts change");
        assertThat(blocks[2]).contains("id: old").endsWith("\n  run would not alert it: too old: published"
                + " 2025-03-04T06:10:00Z, older than poll.max-age 24h");
        // without --explain nothing changes
        assertThat(scan(f.toString()).out()).doesNotContain("run would not alert it");

        // --json --explain: the same decisions as a field of the held stories, none on the one that alerts
        List<JsonNode> json = lines(scan("--json", "--explain", f.toString()).out());
        assertThat(json).hasSize(3);
        assertThat(json.get(0).has("decision")).isFalse();
        assertThat(json.get(1).get("decision").get("kind").asText()).isEqualTo("joined_event");
        assertThat(json.get(1).get("decision").get("reason").asText()).isEqualTo("joined event " + event + " (\""
                + STRIKE + "\"), whose alert was already queued; later stories only edit it when the counts change");
        assertThat(json.get(2).get("decision").get("kind").asText()).isEqualTo("too_old");
        assertThat(json.get(2).get("decision").get("reason").asText())
                .isEqualTo("too old: published 2025-03-04T06:10:00Z, older than poll.max-age 24h");
        // without --explain the JSON has no decision field
        assertThat(lines(scan("--json", f.toString()).out())).allSatisfy(j -> assertThat(j.has("decision")).isFalse());
    }

    @Test
    void aStoryBelowTheCutIsShownWithItsSeverityAndTheCut() throws Exception {
        Path f = feed(item("a1", STRIKE, Instant.now().minus(1, ChronoUnit.HOURS)));
        Path c = config("analysis:\n  alert-severity: 100\n");
        JsonNode story = lines(scan("--json", "--config", c.toString(), f.toString()).out()).get(0);
        assertThat(story.get("alert").asBoolean()).isFalse();

        ScanCommandTest.Result r = scan("--explain", "--config", c.toString(), f.toString());
        assertThat(r.out()).contains("id: a1").endsWith("\n  run would not alert it: below the severity cut: severity "
                + story.get("severity").asInt() + " < analysis.alert-severity 100\n\n");
        // not an alert: without --explain (or --all) it is not printed
        assertThat(scan("--config", c.toString(), f.toString()).out()).isEmpty();
    }

    @Test
    void anEventWithTooFewOutletsIsHeldByMinOutlets() throws Exception {
        Path f = feed(item("a1", STRIKE, Instant.now().minus(1, ChronoUnit.HOURS)));
        Path c = config("events:\n  min-outlets: 2\n");
        ScanCommandTest.Result r = scan("--explain", "--config", c.toString(), f.toString());
        assertThat(r.out()).endsWith("\n  run would not alert it: held by events.min-outlets: 1 of 2 outlets so far\n\n");
        JsonNode held = lines(scan("--json", "--explain", "--config", c.toString(), f.toString()).out()).get(0);
        assertThat(held.get("decision").get("kind").asText()).isEqualTo("held_by_min_outlets");
        assertThat(held.get("decision").get("reason").asText())
                .isEqualTo("held by events.min-outlets: 1 of 2 outlets so far");
    }
}
