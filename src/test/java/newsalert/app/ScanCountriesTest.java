package newsalert.app;

import static newsalert.app.ScanCommandTest.lines;
import static newsalert.app.ScanCommandTest.scan;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 leftover: {@code scan --json} gains an optional {@code countries} field, the ISO codes of the places a
 * story names in the order first named (a city for its country), absent when it names none; the other fields
 * stay as they were.
 */
class ScanCountriesTest {
    @TempDir
    Path dir;

    private static String item(String guid, String title, String body) {
        return "<item><title>" + title + "</title><link>https://wire.example.test/" + guid + "</link><guid>" + guid
                + "</guid><pubDate>Thu, 28 Aug 2025 09:00:00 GMT</pubDate><description>" + body
                + "</description></item>";
    }

    @Test
    void countriesAreListedWhenTheStoryNamesSomeAndLeftOutOtherwise() throws Exception {
        Path f = Files.writeString(dir.resolve("feed.xml"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<rss version=\"2.0\"><channel><title>Test Wire</title><link>https://wire.example.test/</link>"
                + item("k", "Missile strike on Kharkiv", "Officials in Poland condemned the strike on the city.")
                + item("n", "Storm season ends early", "Forecasters said the season was quiet.")
                + "</channel></rss>");
        List<JsonNode> stories = lines(scan("--json", f.toString()).out());

        assertThat(stories).hasSize(2);
        JsonNode kharkiv = stories.stream().filter(s -> s.path("id").asText().equals("k")).findFirst().orElseThrow();
        JsonNode storm = stories.stream().filter(s -> s.path("id").asText().equals("n")).findFirst().orElseThrow();
        List<String> codes = new ArrayList<>();
        kharkiv.path("countries").forEach(c -> codes.add(c.asText()));
        assertThat(codes).containsExactly("UA", "PL");
        assertThat(storm.has("countries")).isFalse();
        List<String> fields = new ArrayList<>();
        storm.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("id", "source", "title", "link", "published", "topics", "severity",
                "reasons", "casualties", "quotes", "alert", "language", "event");
    }
}
