package newsalert.app;

import static newsalert.app.ScanCommandTest.lines;
import static newsalert.app.ScanCommandTest.scan;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code scan} grouping across inputs: three outlets' feeds ({@code src/test/resources/event/wire-*.xml})
 * report one strike on Poltava with tolls "at least 12", "15" and "rose to 19", next to a ministers'
 * meeting, a concert and a drone strike two days later in the same city.
 */
class ScanEventsTest {
    static String dir() {
        try {
            return Path.of(ScanEventsTest.class.getResource("/event/wire-a.xml").toURI()).getParent().toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void jsonStoriesCarryTheirEventId() throws Exception {
        ScanCommandTest.Result r = scan("--json", dir());
        assertThat(r.code()).isZero();
        List<JsonNode> rows = lines(r.out());
        assertThat(rows).hasSize(6);
        Map<String, String> eventOf = new HashMap<>();
        rows.forEach(n -> eventOf.put(n.get("id").asText(), n.get("event").asText()));
        assertThat(eventOf.get("fx-a-1")).matches("e-[0-9a-f]{12}")
                .isEqualTo(eventOf.get("fx-b-1")).isEqualTo(eventOf.get("fx-c-1"));
        assertThat(eventOf.get("fx-a-2")).isNotEqualTo(eventOf.get("fx-a-1"));
        assertThat(eventOf.get("fx-b-2")).isNotEqualTo(eventOf.get("fx-a-1"));
        assertThat(eventOf.get("fx-c-2")).isNotEqualTo(eventOf.get("fx-a-1"));
        // 5 alerts: the ministers' talks (fx-a-2) are diplomacy since issue 15's meeting rule, in an event of their own
        assertThat(r.err()).contains("3 input(s) read, 0 failed; 6 stories, 5 alerts, 4 events");
        // the existing fields keep their names and order; event comes after them, then the optional countries
        // (issue 18) of a story that names places
        assertThat(rows.get(0).fieldNames()).toIterable().containsExactly("id", "source", "title", "link",
                "published", "topics", "severity", "reasons", "casualties", "quotes", "alert", "language", "event",
                "countries");
    }

    @Test
    void theConfiguredWindowIsUsed(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path config = tmp.resolve("narrow.yml");
        java.nio.file.Files.writeString(config, "events:\n  window: 1h\n");
        ScanCommandTest.Result r = scan("--json", "--config", config.toString(), dir());
        Map<String, String> eventOf = new HashMap<>();
        lines(r.out()).forEach(n -> eventOf.put(n.get("id").asText(), n.get("event").asText()));
        // the three reports lie 2.5 and 4.5 hours apart: with a one-hour window each is its own event
        assertThat(eventOf.get("fx-a-1")).isNotEqualTo(eventOf.get("fx-b-1"));
        assertThat(eventOf.get("fx-b-1")).isNotEqualTo(eventOf.get("fx-c-1"));
    }

    @Test
    void eventsJsonFusesTheTollWithItsSources() throws Exception {
        ScanCommandTest.Result r = scan("--events", "--json", dir());
        List<JsonNode> events = lines(r.out());
        assertThat(events).hasSize(4);
        JsonNode strike = events.get(0);
        assertThat(strike.fieldNames()).toIterable().containsExactly("event", "title", "topics", "severity",
                "outlets", "alert", "stories", "casualties", "quotes");
        assertThat(strike.get("title").asText()).isEqualTo("Poltava missile strike death toll rises to 19");
        assertThat(strike.get("topics").toString()).isEqualTo("[\"attack\"]");
        assertThat(strike.get("outlets").asInt()).isEqualTo(3);
        assertThat(strike.get("stories").toString()).isEqualTo("[{\"id\":\"fx-a-1\",\"link\":"
                + "\"https://alphawire.example.test/fx-a-1\",\"source\":\"Alpha Wire\",\"published\":\"2026-03-03T06:00:00Z\"},"
                + "{\"id\":\"fx-b-1\",\"link\":\"https://bravonews.example.test/fx-b-1\",\"source\":\"Bravo News\","
                + "\"published\":\"2026-03-03T08:30:00Z\"},{\"id\":\"fx-c-1\",\"link\":"
                + "\"https://charliepost.example.test/fx-c-1\",\"source\":\"Charlie Post\",\"published\":\"2026-03-03T13:00:00Z\"}]");
        JsonNode killed = strike.get("casualties").get("killed");
        assertThat(killed.get("min").asInt()).isEqualTo(19);
        assertThat(killed.get("max").isNull()).isTrue();
        assertThat(killed.get("qualifier").asText()).isEqualTo("exact");
        assertThat(killed.get("sources").toString()).isEqualTo("["
                + "{\"source\":\"Alpha Wire\",\"min\":12,\"qualifier\":\"at_least\",\"published\":\"2026-03-03T06:00:00Z\",\"story\":\"fx-a-1\"},"
                + "{\"source\":\"Bravo News\",\"min\":15,\"qualifier\":\"exact\",\"published\":\"2026-03-03T08:30:00Z\",\"story\":\"fx-b-1\"},"
                + "{\"source\":\"Charlie Post\",\"min\":19,\"qualifier\":\"exact\",\"published\":\"2026-03-03T13:00:00Z\",\"story\":\"fx-c-1\"}]");
        // both outlets quote the governor with the same words: one quote
        assertThat(strike.get("quotes")).singleElement().satisfies(q -> {
            assertThat(q.get("speaker").asText()).isEqualTo("Filip Pronin");
            assertThat(q.get("text").asText()).isEqualTo("The missiles came two minutes after the sirens");
        });
        assertThat(events.subList(1, 4)).extracting(e -> e.get("stories").size()).containsExactly(1, 1, 1);
    }

    @Test
    void eventsTextShowsAlertEventsWithProvenance() {
        ScanCommandTest.Result r = scan("--events", dir());
        assertThat(r.out()).contains("[EVENT] ATTACK · severity 100 · 3 outlets · e-")
                .contains("\nPoltava missile strike death toll rises to 19\nCasualties: 19 killed,")
                .contains("  killed: at least 12 (Alpha Wire 03-03 06:00), 15 (Bravo News 03-03 08:30),"
                        + " 19 (Charlie Post 03-03 13:00)\n")
                .contains("  2026-03-03 13:00 UTC  Charlie Post  https://charliepost.example.test/fx-c-1\n")
                .contains("Drone hits gas facility in Poltava region, no casualties")
                .doesNotContain("concert");
        assertThat(scan("--events", "--all", dir()).out()).contains("[event] NO TOPIC · severity 0 · 1 outlet · e-")
                .contains("Poltava stages first concert in restored theatre");
    }
}
