package newsalert.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import newsalert.command.FeedCheck;
import newsalert.feed.FeedFetcher;
import newsalert.feed.FeedParser;
import newsalert.feed.FetchSettings;
import newsalert.pipeline.ReadResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader's plain reasons reach a chat reply ({@code feeds add}) and a {@code scan} error line unchanged. */
class PlainReasonsTest {
    private static final String NO_CHANNEL = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">\n<title>x</title>\n</rss>";
    private static final String COLON_NAME = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">\n<channel :lang=\"en\">"
            + "<title>x</title></channel></rss>";

    @TempDir
    Path dir;

    @Test
    void feedsAddRepliesWithThePlainReason() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder().body(NO_CHANNEL).build());
            server.enqueue(new MockResponse.Builder().body(COLON_NAME).build());
            server.enqueue(new MockResponse.Builder().code(403).addHeader("cf-mitigated", "challenge").build());
            server.start(InetAddress.getByName("127.0.0.1"), 0);
            SourceReader reader = new SourceReader(new FeedFetcher(FetchSettings.defaults()), new FeedParser(),
                    100_000, false);
            FetchingFeedCheck check = new FetchingFeedCheck(reader,
                    Clock.fixed(Instant.parse("2026-12-06T12:00:00Z"), ZoneOffset.UTC));
            URI url = URI.create("http://127.0.0.1:" + server.getPort() + "/feed.xml");

            assertThat(check.check(url)).isEqualTo(FeedCheck.Result.notFeed("not an RSS feed: <channel> is missing"));
            assertThat(check.check(url)).isEqualTo(FeedCheck.Result.notFeed(
                    "not a feed: invalid XML name ':lang' at line 3"));
            assertThat(check.check(url)).isEqualTo(FeedCheck.Result.notFeed(
                    "blocked by the site's bot protection (Cloudflare challenge)"));
        }
    }

    @Test
    void scanPrintsThePlainReasonPerFile() throws Exception {
        Files.writeString(dir.resolve("a.xml"), NO_CHANNEL);
        Files.writeString(dir.resolve("b.xml"), "Service temporarily unavailable");

        ScanCommandTest.Result r = ScanCommandTest.scan(dir.toString());

        assertThat(r.err().lines().filter(l -> l.startsWith("error: "))).containsExactly(
                "error: " + dir.resolve("a.xml") + ": not an RSS feed: <channel> is missing",
                "error: " + dir.resolve("b.xml") + ": not XML: the file does not start with '<'");
        ReadResult direct = new SourceReader(new FeedFetcher(FetchSettings.defaults()), new FeedParser(), 100_000)
                .read(dir.resolve("a.xml").toString(), null, null, Instant.parse("2026-12-06T12:00:00Z"));
        assertThat(direct).isEqualTo(new ReadResult.Failed("not an RSS feed: <channel> is missing"));
    }
}
