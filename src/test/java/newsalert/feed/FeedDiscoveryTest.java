package newsalert.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Discovery against a site on 127.0.0.1 whose pages link to one, several or no feeds. */
class FeedDiscoveryTest {
    private static final String RSS = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Site RSS</title>"
            + "<item><title>One</title><guid>r1</guid></item></channel></rss>";
    private static final String JSON_FEED = "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"Site JSON\","
            + "\"items\":[{\"id\":\"j1\",\"title\":\"Two\"}]}";

    private final MockWebServer site = new MockWebServer();
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private Map<String, MockResponse> pages;

    private static MockResponse html(String head) {
        return new MockResponse.Builder().addHeader("Content-Type", "text/html; charset=utf-8")
                .body("<!DOCTYPE html><html><head><title>Site</title>" + head + "</head><body><p>News</p></body></html>")
                .build();
    }

    private static MockResponse body(String type, String text) {
        return new MockResponse.Builder().addHeader("Content-Type", type).body(text).build();
    }

    @BeforeEach
    void start() throws IOException {
        pages = Map.of(
                "/one", html("<link rel=\"alternate\" type=\"application/feed+json\" title=\"JSON &amp; more\""
                        + " href=\"/feeds/site.json\">"),
                "/several", html("<link rel=\"stylesheet\" href=\"/s.css\">"
                        + "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"World\" href=\"/world.rss\">"
                        + "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"https://other.example.org/a.atom\">"
                        + "<link rel=\"alternate\" type=\"text/html\" hreflang=\"fr\" href=\"/fr/\">"
                        + "<link rel=\"alternate\" type=\"application/rss+xml\" title=\"World again\" href=\"/world.rss\">"
                        + "<link rel=\"Alternate feed\" type=\"application/feed+json; charset=utf-8\" href=\"x.json\">"),
                "/none", html(""),
                "/fifteen", html(java.util.stream.IntStream.rangeClosed(1, 15).mapToObj(i -> "<link rel=\"alternate\""
                        + " type=\"application/rss+xml\" href=\"/f" + i + ".rss\">").collect(
                        java.util.stream.Collectors.joining())),
                "/feeds/site.json", body("application/feed+json", JSON_FEED),
                "/rss", body("application/rss+xml", RSS),
                "/direct.xml", body("application/rss+xml", RSS));
        site.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                paths.add(request.getUrl().encodedPath());
                return pages.getOrDefault(request.getUrl().encodedPath(), new MockResponse.Builder().code(404).build());
            }
        });
        site.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    @AfterEach
    void stop() {
        site.close();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + site.getPort() + path;
    }

    private Discovery find(String path) {
        return new FeedDiscovery(new FeedFetcher(FetchSettings.defaults()), new FeedParser()).find(url(path),
                Fixtures.NOW);
    }

    @Test
    void aFeedIsItself() {
        Discovery d = find("/direct.xml");

        assertThat(d.kind()).isEqualTo(Discovery.Kind.FEED);
        assertThat(d.feedUrl()).isEqualTo(url("/direct.xml"));
        assertThat(d.feed().title()).isEqualTo("Site RSS");
        assertThat(paths).containsExactly("/direct.xml");
    }

    @Test
    void aPageWithOneAlternateGivesThatFeedRead() {
        Discovery d = find("/one");

        assertThat(d.kind()).isEqualTo(Discovery.Kind.FOUND);
        assertThat(d.feedUrl()).isEqualTo(url("/feeds/site.json"));
        assertThat(d.feed().title()).isEqualTo("Site JSON");
        assertThat(d.feed().stories()).extracting(s -> s.id()).containsExactly("j1");
        assertThat(paths).containsExactly("/one", "/feeds/site.json");
    }

    @Test
    void aPageWithSeveralAlternatesListsTheFeedsOnceEachInPageOrderWithoutFetchingThem() {
        Discovery d = find("/several");

        assertThat(d.kind()).isEqualTo(Discovery.Kind.SEVERAL);
        assertThat(d.candidates()).containsExactly(
                new Discovery.Candidate(url("/world.rss"), "World"),
                new Discovery.Candidate("https://other.example.org/a.atom", ""),
                new Discovery.Candidate(url("/x.json"), ""));
        assertThat(paths).containsExactly("/several");
    }

    /** issue 17 (tester's item 6): all 15 links are kept, so a list of the first 10 can say there are 15 */
    @Test
    void aPageWithFifteenAlternatesKeepsAllFifteenInPageOrder() {
        Discovery d = find("/fifteen");

        assertThat(d.kind()).isEqualTo(Discovery.Kind.SEVERAL);
        assertThat(d.candidates()).hasSize(15);
        assertThat(d.candidates().get(14)).isEqualTo(new Discovery.Candidate(url("/f15.rss"), ""));
    }

    @Test
    void aPageWithoutAlternatesIsTriedAtTheCommonPathsUntilOneIsAFeed() {
        Discovery d = find("/none");

        assertThat(d.kind()).isEqualTo(Discovery.Kind.FOUND);
        assertThat(d.feedUrl()).isEqualTo(url("/rss"));
        assertThat(paths).containsExactly("/none", "/feed", "/rss");
    }

    @Test
    void aSiteWithNoFeedAnywhereSaysWhereItLooked() {
        pages = Map.of("/none", html(""));

        Discovery d = find("/none");

        assertThat(d.kind()).isEqualTo(Discovery.Kind.NONE);
        assertThat(d.problem()).isEqualTo("it is a web page that links to no feed, and none was found at /feed, /rss,"
                + " /atom.xml, /index.xml");
        assertThat(paths).containsExactly("/none", "/feed", "/rss", "/atom.xml", "/index.xml");
    }

    @Test
    void aLinkedFeedThatIsNotAFeedSaysWhichAndWhy() {
        pages = Map.of("/one", pages.get("/one"));

        Discovery d = find("/one");

        assertThat(d.kind()).isEqualTo(Discovery.Kind.NONE);
        assertThat(d.problem()).isEqualTo("the page links to the feed " + url("/feeds/site.json")
                + ", but it is not a feed we can read: HTTP 404 (not found)");
    }
}
