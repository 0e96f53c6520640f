package newsalert.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import newsalert.story.Assessment;
import newsalert.story.Casualties;
import newsalert.story.Topic;
import newsalert.event.EventSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventSetReaderTest {
    @TempDir
    Path dir;

    private static final String GOOD = "{\"id\": \"a\", \"event\": \"e1\", \"source\": \"Wire\", \"published\":"
            + " \"2026-03-02T01:50:00Z\", \"title\": \"T\", \"body\": \"B\", \"tags\": [\"x\"]}";

    @Test
    void readsAStory() throws Exception {
        Path f = dir.resolve("set.jsonl");
        Files.writeString(f, GOOD + "\n\n");
        List<EventItem> items = EventSetReader.read(f);
        assertThat(items).singleElement().satisfies(i -> {
            assertThat(i.event()).isEqualTo("e1");
            assertThat(i.story().source()).isEqualTo("Wire");
            assertThat(i.story().published()).isEqualTo(Instant.parse("2026-03-02T01:50:00Z"));
            assertThat(i.story().link()).isNull();
            assertThat(i.tags()).containsExactly("x");
        });
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"id": "a", "source": "W", "published": "2026-03-02T01:50:00Z", "title": "T", "body": "B"} | 'event' is required
            {"id": "a", "event": "e", "source": "W", "published": "yesterday", "title": "T", "body": "B"} | 'published' is not an ISO-8601 instant: yesterday
            {"id": "a", "event": "e", "source": "W", "published": "2026-03-02T01:50:00Z", "title": 5, "body": "B"} | 'title' must be a non-empty string
            not json | not valid JSON: unknown word 'not' at column 1 (text must be in double quotes)
            """)
    void badLinesNameTheFileLineAndKey(String line, String message) throws Exception {
        Path f = dir.resolve("bad.jsonl");
        Files.writeString(f, GOOD + "\n" + line + "\n");
        assertThatThrownBy(() -> EventSetReader.read(f)).isInstanceOf(EvalInputException.class)
                .hasMessageStartingWith(f + ":2: " + message);
    }

    @Test
    void duplicateIdsAreRefused() throws Exception {
        Path f = dir.resolve("dup.jsonl");
        Files.writeString(f, GOOD + "\n" + GOOD + "\n");
        assertThatThrownBy(() -> EventSetReader.read(f)).hasMessage(f + ":2: duplicate id a");
    }

    @Test
    void pairwiseFiguresCountPairsAndListTheMisses() throws Exception {
        // a, b, c labelled one event; d another. The fake assessment gives every story the same kind, and the
        // texts make a and b alike, c unlike anything, d alike to a and b but in another city.
        Path f = dir.resolve("pairs.jsonl");
        Files.writeString(f, String.join("\n",
                line("a", "e1", "Wire A", "01:00", "Drones hit Kharkiv block, three killed",
                        "KHARKIV — Drones hit an apartment block in Kharkiv, killing three, Terekhov said."),
                line("b", "e1", "Wire B", "02:00", "Three dead as drones hit Kharkiv apartment block",
                        "Drones struck an apartment block in Kharkiv, killing three people, Terekhov said."),
                line("c", "e1", "Wire C", "03:00", "Funerals held", "Families gathered in the cemetery."),
                line("d", "e2", "Wire D", "01:30", "Drones hit Odesa block, three killed",
                        "ODESA — Drones hit an apartment block in Odesa, killing three, Kiper said.")) + "\n");
        Assessment attack = new Assessment(java.util.Set.of(Topic.ATTACK), 50, List.of(), Casualties.NONE, List.of(), true);
        EvalReport r = EventEvaluator.evaluate("events", EventSetReader.read(f), s -> attack, EventSettings.defaults());
        assertThat(r.ratio("events.precision").count()).isEqualTo(1);
        assertThat(r.ratio("events.precision").total()).isEqualTo(1);
        assertThat(r.ratio("events.recall").count()).isEqualTo(1);
        assertThat(r.ratio("events.recall").total()).isEqualTo(3);
        assertThat(r.ratio("events.recall").misses()).extracting(Miss::id).containsExactly("a + c", "b + c");
        assertThat(r.ratio("events.recall").misses().get(0).expected()).isEqualTo("together: e1");
        assertThat(r.score("events.found")).isEqualTo(3.0);
        assertThat(r.score("events.labelled")).isEqualTo(2.0);
    }

    private static String line(String id, String event, String source, String hhmm, String title, String body) {
        return "{\"id\": \"" + id + "\", \"event\": \"" + event + "\", \"source\": \"" + source
                + "\", \"published\": \"2026-03-02T" + hhmm + ":00Z\", \"title\": \"" + title + "\", \"body\": \""
                + body + "\"}";
    }
}
