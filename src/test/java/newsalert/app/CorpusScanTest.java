package newsalert.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import newsalert.testing.Corpus;

/**
 * {@code scan} over the real data in {@code ../shared/corpus} (present in CI, absent in a user's clone:
 * then these tests are skipped with a message).
 */
class CorpusScanTest {
    private static final Path CORPUS = Corpus.root();

    private static void requireCorpus() {
        Corpus.require("");
    }

    @Test
    void seedArticleGivesTheExpectedReading() throws Exception {
        requireCorpus();
        ScanCommandTest.Result r = ScanCommandTest.scan("--json", CORPUS.resolve("seed/kyiv-strike.rss").toString());
        assertThat(r.code()).isZero();
        List<JsonNode> rows = ScanCommandTest.lines(r.out());
        assertThat(rows).hasSize(1);
        JsonNode s = rows.get(0);
        assertThat(s.get("topics").toString()).isEqualTo("[\"attack\",\"diplomacy\"]");
        assertThat(s.get("alert").asBoolean()).isTrue();
        assertThat(s.get("casualties").get("killed").get("evidence").asText()).contains("19 people dead");
        assertThat(ScanCommandTest.withoutEvidence(s.get("casualties"))).isEqualTo(
                "{\"killed\":{\"min\":19,\"max\":null,\"qualifier\":\"exact\"},"
                        + "\"injured\":{\"min\":48,\"max\":null,\"qualifier\":\"at_least\"}}");
        Map<String, String> quotes = StreamSupport.stream(s.get("quotes").spliterator(), false)
                .collect(Collectors.toMap(q -> q.get("speaker").asText(), q -> q.get("text").asText()));
        assertThat(quotes).containsExactlyInAnyOrderEntriesOf(Map.of(
                "Keir Starmer", "sabotaging peace talks",
                "Friedrich Merz", "shown its true face again",
                "Kaja Kallas", "No diplomatic mission should ever be a target.",
                "Keith Kellogg", "egregious attacks",
                "Russia's Defense Ministry", "All designated objects were hit",
                "Volodymyr Zelenskyy", "These Russian missiles and attack drones are a clear response to everyone"
                        + " calling for a ceasefire. Russia chooses ballistics instead of the negotiating table."));
        assertThat(s.get("quotes").get(0).get("role").asText()).isEqualTo("UK Prime Minister");
    }

    @Test
    void everyCorpusFeedIsReadAndOnlyTopicStoriesAlert() throws Exception {
        requireCorpus();
        Path feeds = CORPUS.resolve("feeds");
        long files;
        try (var s = Files.list(feeds)) {
            files = s.filter(Files::isRegularFile).count();
        }
        ScanCommandTest.Result r = ScanCommandTest.scan("--json", feeds.toString());
        assertThat(r.code()).isZero();
        assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception");
        long errors = r.err().lines().filter(l -> l.startsWith("error: ")).count();
        assertThat(r.err()).contains((files - errors) + " input(s) read, " + errors + " failed");
        List<JsonNode> rows = ScanCommandTest.lines(r.out());
        assertThat(rows).hasSizeGreaterThan(400);
        List<JsonNode> alerts = rows.stream().filter(n -> n.get("alert").asBoolean()).toList();
        assertThat(alerts).isNotEmpty().allSatisfy(a -> assertThat(a.get("topics").size()).isPositive());
        // the two Reuters Idlib attack items are alerts, with the count from the headline
        JsonNode idlib = alerts.stream().filter(a -> a.get("title").asText().startsWith("Suspected Russian warplanes"))
                .findFirst().orElseThrow();
        assertThat(idlib.get("topics").toString()).isEqualTo("[\"attack\"]");
        assertThat(idlib.at("/casualties/killed/min").asInt()).isEqualTo(15);
    }
}
