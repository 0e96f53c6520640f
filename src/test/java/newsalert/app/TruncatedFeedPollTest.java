package newsalert.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import newsalert.config.FeedConfig;
import newsalert.config.PollSettings;
import newsalert.feed.FeedFetcher;
import newsalert.feed.FeedParser;
import newsalert.feed.FetchSettings;
import newsalert.pipeline.Poller;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.testing.ConsoleRows;
import newsalert.testing.LogCapture;
import newsalert.testing.MutableClock;
import newsalert.testing.Stories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A feed cut off inside its last item (issue 16): the poll warns once, naming the feed, keeps the whole items and
 * leaves the cut one out, so that item alerts as a new story, whole, when the feed is read whole again.
 */
class TruncatedFeedPollTest {
    private static final Instant NOW = Instant.parse("2026-12-06T09:00:00Z");

    @TempDir
    Path dir;

    private static String item(String id, String title) {
        return "<item><guid>" + id + "</guid><title>" + title + "</title><link>http://127.0.0.1/pier/" + id
                + "</link><pubDate>Sun, 06 Dec 2026 08:30:00 GMT</pubDate></item>";
    }

    @Test
    void theCutItemIsLeftOutWithOneWarningAndAlertsWholeLater() throws Exception {
        String head = "<rss version=\"2.0\"><channel><title>Pier wire</title>";
        String whole = head + item("p1", "Harbour crane toppled by blast") + "</channel></rss>";
        Path file = dir.resolve("pier.xml");
        Files.writeString(file, whole);
        Files.setLastModifiedTime(file, FileTime.from(NOW.minusSeconds(60)));
        MutableClock clock = new MutableClock(NOW);
        SourceReader reader = new SourceReader(new FeedFetcher(FetchSettings.defaults()), new FeedParser(), 100_000);
        try (JdbcNewsStore store = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("d.db"));
             Poller poller = new Poller(store, reader, s -> Stories.attack(true),
                     new PollSettings(Duration.ofMinutes(5), Duration.ofHours(24), Duration.ofHours(1)), clock)) {
            List<FeedConfig> feeds = List.of(new FeedConfig(file.toString(), "Pier", null));
            poller.pollDue(feeds); // the first poll records without alerting

            String full = item("p3", "Second blast shakes the eastern pier as crews search the water");
            clock.advance(Duration.ofMinutes(10));
            Files.writeString(file, head + item("p1", "Harbour crane toppled by blast")
                    + item("p2", "Ferry stopped after strike on the quay") + full.substring(0, 60));
            Files.setLastModifiedTime(file, FileTime.from(NOW.plusSeconds(300)));
            try (LogCapture log = LogCapture.of(Poller.class)) {
                poller.pollDue(feeds);
                assertThat(log.lines()).filteredOn(l -> l.startsWith("WARN")).containsExactly("WARN feed Pier ("
                        + file + "): repaired: the feed may be truncated; its last item is left out");
            }
            assertThat(ConsoleRows.pendingAlerts(store)).containsExactly("p2");

            clock.advance(Duration.ofMinutes(10));
            Files.writeString(file, head + item("p1", "Harbour crane toppled by blast")
                    + item("p2", "Ferry stopped after strike on the quay") + full + "</channel></rss>");
            Files.setLastModifiedTime(file, FileTime.from(NOW.plusSeconds(900)));
            try (LogCapture log = LogCapture.of(Poller.class)) {
                poller.pollDue(feeds);
                assertThat(log.lines()).noneMatch(l -> l.startsWith("WARN"));
            }
            assertThat(ConsoleRows.pendingAlerts(store)).containsExactly("p2", "p3");
        }
    }
}
