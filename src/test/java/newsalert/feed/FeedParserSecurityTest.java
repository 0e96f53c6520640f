package newsalert.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedParserSecurityTest {
    private static final String SECRET = "TOP-SECRET-4242";

    @TempDir
    Path tmp;
    private MockWebServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = new MockWebServer();
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder().body(SECRET).build());
        }
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getPort() + path;
    }

    private String parseAllText(String xml) {
        try {
            ParsedFeed feed = new FeedParser().parse(xml.getBytes(StandardCharsets.UTF_8), null, null, Fixtures.NOW);
            return feed.toString();
        } catch (FeedException e) {
            return e.getMessage();
        }
    }

    @Test
    void externalEntityToALocalFileIsNeverRead() throws Exception {
        Path secret = Files.writeString(tmp.resolve("secret.txt"), SECRET);
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<rss version=\"2.0\"><channel><title>T &xxe;</title><item><title>Item &xxe;</title>"
                + "<guid>g1</guid><description>before &xxe; after</description></item></channel></rss>";

        ParsedFeed feed = new FeedParser().parse(xml.getBytes(StandardCharsets.UTF_8), null, null, Fixtures.NOW);

        assertThat(feed.toString()).doesNotContain(SECRET);
        assertThat(feed.title()).isEqualTo("T");
        assertThat(feed.stories().get(0).title()).isEqualTo("Item");
        assertThat(feed.stories().get(0).body()).isEqualTo("before after");
    }

    @Test
    void externalEntityToAnHttpUrlIsNeverFetched() {
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"" + url("/secret") + "\">]>\n"
                + "<rss version=\"2.0\"><channel><title>T</title><item><title>Item &xxe;</title>"
                + "<guid>g1</guid></item></channel></rss>";

        String seen = parseAllText(xml);

        assertThat(seen).doesNotContain(SECRET);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void externalParameterEntityIsNeverFetched() {
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY % remote SYSTEM \"" + url("/evil.dtd")
                + "\"> %remote;]>\n<rss version=\"2.0\"><channel><title>T</title></channel></rss>";

        String seen = parseAllText(xml);

        assertThat(seen).doesNotContain(SECRET);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void netscapeDoctypeIsAcceptedButItsDtdIsNotDownloaded() throws FeedException {
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" \""
                + url("/rss-0.91.dtd") + "\">\n<rss version=\"0.91\"><channel><title>Old &amp; gold</title>"
                + "<link>https://old.example.com/</link><description>d</description><language>en</language>"
                + "<item><title>One</title><link>https://old.example.com/1</link></item></channel></rss>";

        ParsedFeed feed = new FeedParser().parse(xml.getBytes(StandardCharsets.UTF_8), null, null, Fixtures.NOW);

        assertThat(feed.title()).isEqualTo("Old & gold");
        assertThat(feed.stories()).extracting(s -> s.link()).containsExactly("https://old.example.com/1");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void billionLaughsFailsFastWithAClearMessage() {
        byte[] bomb = Fixtures.bytes("billion-laughs.xml");

        assertTimeoutPreemptively(Duration.ofSeconds(5), () ->
                assertThatThrownBy(() -> new FeedParser().parse(bomb, null, null, Fixtures.NOW))
                        .isInstanceOf(FeedException.class)
                        .hasMessage("not a feed: too many XML entity expansions (entity bomb?)"));
    }

    @Test
    void quadraticBlowupFailsOnTotalEntitySize() {
        String big = "x".repeat(50_000);
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY big \"" + big + "\">]>\n"
                + "<rss version=\"2.0\"><channel><title>T</title><item><title>" + "&big;".repeat(1_500)
                + "</title></item></channel></rss>";

        assertTimeoutPreemptively(Duration.ofSeconds(5), () ->
                assertThatThrownBy(() -> new FeedParser().parse(xml.getBytes(StandardCharsets.UTF_8), null, null,
                        Fixtures.NOW))
                        .isInstanceOf(FeedException.class)
                        .hasMessage("not a feed: too many XML entity expansions (entity bomb?)"));
    }

    @Test
    void oneHundredThousandNestedElementsAreRefusedByTheParsersDepthLimit() {
        String deep = "<b>".repeat(100_000) + "x" + "</b>".repeat(100_000);
        String xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title><item>"
                + "<title>Nested</title><description>" + deep + "</description></item></channel></rss>";

        assertThatThrownBy(() -> new FeedParser().parse(xml.getBytes(StandardCharsets.UTF_8), null, null,
                Fixtures.NOW))
                .isInstanceOf(FeedException.class)
                .hasMessage("not a feed: elements are nested too deeply (more than 256 levels)")
                .cause().hasMessageContaining("maxElementDepth");
    }

    @Test
    void nestingUpToTheLimitIsStillRead() throws FeedException {
        // rss, channel, item, description = 4 levels, so 252 <b> reach the limit exactly
        String deep = "<b>".repeat(SafeXml.MAX_ELEMENT_DEPTH - 4) + "x" + "</b>".repeat(SafeXml.MAX_ELEMENT_DEPTH - 4);
        String xml = "<rss version=\"2.0\"><channel><title>T</title><item><title>Nested</title><description>"
                + deep + "</description></item></channel></rss>";

        ParsedFeed feed = new FeedParser().parse(xml.getBytes(StandardCharsets.UTF_8), null, null, Fixtures.NOW);

        assertThat(feed.stories()).singleElement().satisfies(s -> assertThat(s.title()).isEqualTo("Nested"));
    }

    @Test
    void deeplyNestedEscapedHtmlInADescriptionIsReadAsText() throws FeedException {
        String deep = "&lt;b&gt;".repeat(100_000) + "deep" + "&lt;/b&gt;".repeat(100_000);
        String xml = "<rss version=\"2.0\"><channel><title>T</title><item><title>Escaped</title><description>"
                + deep + "</description></item></channel></rss>";

        ParsedFeed feed = new FeedParser().parse(xml.getBytes(StandardCharsets.UTF_8), null, null, Fixtures.NOW);

        assertThat(feed.stories()).singleElement().satisfies(s -> assertThat(s.body()).isEqualTo("deep"));
    }

    @Test
    void deeplyNestedElementsGiveAFeedExceptionNotAStackOverflow() {
        String deep = "<b>".repeat(50_000) + "x" + "</b>".repeat(50_000);
        String xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title><item>"
                + "<title>Nested</title><description>" + deep + "</description></item></channel></rss>";

        assertThatThrownBy(() -> new FeedParser().parse(xml.getBytes(StandardCharsets.UTF_8), null, null,
                Fixtures.NOW))
                .isInstanceOf(FeedException.class)
                .hasMessage("not a feed: elements are nested too deeply (more than 256 levels)");
    }

    @Test
    void deeplyNestedAtomXhtmlContentGivesAFeedException() {
        String deep = "<div>".repeat(50_000) + "x" + "</div>".repeat(50_000);
        String xml = "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>T</title>"
                + "<entry><id>e1</id><title>Nested</title><content type=\"xhtml\">"
                + "<div xmlns=\"http://www.w3.org/1999/xhtml\">" + deep + "</div></content></entry></feed>";

        assertThatThrownBy(() -> new FeedParser().parse(xml.getBytes(StandardCharsets.UTF_8), null, null,
                Fixtures.NOW))
                .isInstanceOf(FeedException.class)
                .hasMessage("not a feed: elements are nested too deeply (more than 256 levels)");
    }
}
