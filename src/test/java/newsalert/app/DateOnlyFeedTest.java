package newsalert.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import newsalert.config.FeedConfig;
import newsalert.config.PollSettings;
import newsalert.feed.FeedFetcher;
import newsalert.feed.FeedParser;
import newsalert.feed.FetchSettings;
import newsalert.pipeline.Poller;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.subscription.Platform;
import newsalert.subscription.Target;
import newsalert.testing.MutableClock;
import newsalert.testing.Stories;
import newsalert.testing.ConsoleRows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A feed whose items carry dates without a time: an old one is never alerted (it used to read as undated and be
 * stamped with the poll time), a story of today is.
 */
class DateOnlyFeedTest {
    private static final Instant NOW = Instant.parse("2026-12-06T09:00:00Z");

    @TempDir
    Path dir;

    private static String feed(String... items) {
        return "<rss version=\"2.0\"><channel><title>Day wire</title>" + String.join("", items) + "</channel></rss>";
    }

    private static String item(String id, String date) {
        return "<item><guid>" + id + "</guid><title>Strike " + id + "</title><pubDate>" + date + "</pubDate></item>";
    }

    @Test
    void anOldDateOnlyItemIsNotAlertedAndTodaysIs() throws Exception {
        Path file = dir.resolve("feed.xml");
        Files.writeString(file, feed(item("first", "Fri, 5 Dec 2026")));
        Files.setLastModifiedTime(file, FileTime.from(NOW.minusSeconds(60)));
        MutableClock clock = new MutableClock(NOW);
        SourceReader reader = new SourceReader(new FeedFetcher(FetchSettings.defaults()), new FeedParser(), 100_000);
        try (JdbcNewsStore store = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("d.db"));
             Poller poller = new Poller(store, reader, s -> Stories.attack(true),
                     new PollSettings(Duration.ofMinutes(5), Duration.ofHours(24), Duration.ofHours(1)), clock)) {
            List<FeedConfig> feeds = List.of(new FeedConfig(file.toString(), null, null));
            poller.pollDue(feeds); // the first poll records without alerting

            clock.advance(Duration.ofMinutes(10));
            Files.writeString(file, feed(item("first", "Fri, 5 Dec 2026"), item("old", "Tue, 10 Jun 2025"),
                    item("iso-old", "2025-06-10"), item("today", "6 Dec 2026")));
            Files.setLastModifiedTime(file, FileTime.from(NOW.plusSeconds(300)));
            poller.pollDue(feeds);

            assertThat(ConsoleRows.pendingAlerts(store)).containsExactly("today");
            assertThat(store.queries().story(Target.chat(Platform.TELEGRAM, "1"), "old"))
                    .hasValueSatisfying(s -> assertThat(s.story().published())
                            .isEqualTo(Instant.parse("2025-06-10T00:00:00Z")));
        }
    }
}
