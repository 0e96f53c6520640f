package newsalert.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import newsalert.config.FeedConfig;
import newsalert.config.PollSettings;
import newsalert.feed.FeedFetcher;
import newsalert.feed.FeedParser;
import newsalert.feed.FetchSettings;
import newsalert.pipeline.Poller;
import newsalert.store.FeedState;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.testing.LogCapture;
import newsalert.testing.MutableClock;
import newsalert.testing.Stories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A 429 with Retry-After holds the feed's next poll back that long (the back-off alone would be 5 min). */
class RetryAfterPollTest {
    /** The failing feeds these tests poll on purpose log WARN lines: captured, off the console. */
    @RegisterExtension
    final LogCapture.PerTest pollerLog = LogCapture.perTest(Poller.class);

    private static final Instant NOW = Instant.parse("2026-12-06T15:00:00Z");

    @TempDir
    Path dir;

    @Test
    void theFeedIsNotPolledAgainBeforeTheWaitTheSiteAskedFor() throws Exception {
        try (MockWebServer server = new MockWebServer();
             JdbcNewsStore store = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("r.db"))) {
            server.enqueue(new MockResponse.Builder().code(429).status("HTTP/1.1 429 Too Many Requests")
                    .addHeader("Retry-After", "3600").build());
            server.start(InetAddress.getByName("127.0.0.1"), 0);
            String url = "http://127.0.0.1:" + server.getPort() + "/feed.xml";
            MutableClock clock = new MutableClock(NOW);
            SourceReader reader = new SourceReader(new FeedFetcher(FetchSettings.defaults()), new FeedParser(),
                    100_000);
            List<FeedConfig> feeds = List.of(new FeedConfig(url, "Busy", null));
            try (Poller poller = new Poller(store, reader, s -> Stories.nothing(), new PollSettings(Duration.ofMinutes(5), Duration.ofHours(24), Duration.ofMinutes(30)), clock)) {
                poller.pollDue(feeds);
                FeedState state = store.feedState(url).orElseThrow();
                assertThat(state.nextPollAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
                assertThat(state.lastError())
                        .isEqualTo("HTTP 429 Too Many Requests; the site asks us to wait 1 h (Retry-After)");

                clock.advance(Duration.ofMinutes(30)); // past the back-off cap, before the site's wait
                poller.pollDue(feeds);
                assertThat(server.getRequestCount()).isEqualTo(1);
                assertThat(pollerLog.capture().lines()).filteredOn(l -> l.startsWith("WARN")).containsExactly("WARN feed Busy (" + url + "): HTTP 429 Too"
                        + " Many Requests; the site asks us to wait 1 h (Retry-After) (failure 1; next try at"
                        + " 2026-12-06T16:00:00Z)");
            }
        }
    }
}
