package newsalert.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Instant;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import newsalert.feed.FeedFetcher;
import newsalert.feed.FeedParser;
import newsalert.feed.FetchSettings;
import newsalert.pipeline.ReadResult;
import org.junit.jupiter.api.Test;

/**
 * A configured feed (what {@code run} reads every cycle) whose address serves a web page fails with a reason that
 * names the page's feeds, read from the same body with no further request, or says the page links to none.
 */
class ConfiguredWebPageReasonTest {
    private static final Instant NOW = Instant.parse("2026-12-07T06:20:00Z");

    private static MockResponse html(String head) {
        return new MockResponse.Builder().addHeader("Content-Type", "text/html; charset=utf-8")
                .body("<!doctype html><html><head><title>Front page</title>" + head
                        + "</head><body><p>Today's headlines</p></body></html>").build();
    }

    private static ReadResult read(MockWebServer server, String path) {
        return new SourceReader(new FeedFetcher(FetchSettings.defaults()), new FeedParser(), 100_000, false)
                .read(server.url(path).toString(), null, null, NOW);
    }

    @Test
    void aPageWithFeedLinksNamesThemAndFetchesNothingMore() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(html("<link rel=\"alternate\" type=\"application/rss+xml\" href=\"/world/rss.xml\">"
                    + "<link rel=\"alternate\" type=\"application/feed+json\" href=\"https://feeds.example.org/w.json\">"
                    + "<link rel=\"stylesheet\" type=\"text/css\" href=\"/site.css\">"));
            server.start(InetAddress.getByName("127.0.0.1"), 0);

            assertThat(read(server, "/world")).isEqualTo(new ReadResult.Failed(
                    "this is a web page, not a feed; its feeds are: " + server.url("/world/rss.xml")
                            + ", https://feeds.example.org/w.json"));
            assertThat(server.getRequestCount()).isEqualTo(1);
        }
    }

    @Test
    void aPageWithNoFeedLinkSaysSo() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(html("<link rel=\"icon\" href=\"/favicon.ico\">"));
            server.start(InetAddress.getByName("127.0.0.1"), 0);

            assertThat(read(server, "/about")).isEqualTo(new ReadResult.Failed(
                    "this is a web page with no RSS, Atom or JSON Feed link"));
            assertThat(server.getRequestCount()).isEqualTo(1);
        }
    }

    @Test
    void aPageWithManyFeedLinksListsTheFirstAndCountsTheRest() throws Exception {
        String links = IntStream.range(0, 40).mapToObj(i -> "<link rel=\"alternate\" type=\"application/atom+xml\""
                + " href=\"https://news.example.org/section-number-" + i + "/atom.xml\">").collect(Collectors.joining());
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(html(links));
            server.start(InetAddress.getByName("127.0.0.1"), 0);

            String reason = ((ReadResult.Failed) read(server, "/")).reason();
            assertThat(reason).startsWith("this is a web page, not a feed; its feeds are:"
                    + " https://news.example.org/section-number-0/atom.xml, ").endsWith(" more");
            assertThat(reason.length()).isLessThan(1024);
            int listed = reason.split("https://news.example.org/", -1).length - 1;
            assertThat(listed).isBetween(2, 39);
            assertThat(reason).endsWith(" and " + (40 - listed) + " more");
        }
    }

    @Test
    void aBodyThatIsNeitherFeedNorPageKeepsTheParsersReason() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/xml")
                    .body("<?xml version=\"1.0\"?><catalog><item/></catalog>").build());
            server.start(InetAddress.getByName("127.0.0.1"), 0);

            assertThat(read(server, "/data.xml")).isEqualTo(new ReadResult.Failed(
                    "not a feed: XML root <catalog> is not RSS or Atom"));
        }
    }
}
