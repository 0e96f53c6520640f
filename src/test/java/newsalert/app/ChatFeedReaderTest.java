package newsalert.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import newsalert.command.FeedCheck;
import newsalert.feed.AddressGuard;
import newsalert.feed.AddressRefusedException;
import newsalert.feed.FeedFetcher;
import newsalert.feed.FeedParser;
import newsalert.feed.FetchSettings;
import newsalert.net.AddressRule;
import newsalert.pipeline.ReadResult;
import okhttp3.Dns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader and feed check used for feeds that chats add: public addresses only, no local files. */
class ChatFeedReaderTest {
    private static final FetchSettings FETCH = new FetchSettings(Duration.ofSeconds(5), Duration.ofSeconds(5),
            1_000_000, 3, "newsalert-test", Duration.ofSeconds(10));
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-08-28T15:00:00Z"), ZoneOffset.UTC);
    private static final AddressGuard GUARD = AddressGuard.of(new AddressRule(java.util.Set::of, CLOCK));

    @TempDir
    Path dir;

    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws IOException {
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static SourceReader reader(Dns dns) {
        return new SourceReader(new FeedFetcher(FETCH, dns), new FeedParser(), 1_000_000, false);
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = ChatFeedReaderTest.class.getResourceAsStream("/app/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aLoopbackFeedIsRefusedAtConnectTimeWithAReasonThatSaysWhatToChange() {
        server.enqueue(new MockResponse.Builder().body("<rss/>").build());
        FeedCheck check = new FetchingFeedCheck(new SourceReader(FeedFetcher.guarded(FETCH, Dns.SYSTEM, GUARD),
                new FeedParser(), 1_000_000, false), CLOCK);

        FeedCheck.Result r = check.check(URI.create(server.url("/world.xml").toString()));

        assertThat(r.feed()).isFalse();
        assertThat(r.problem()).isEqualTo("refused: " + server.getHostName() + " resolves to a loopback address (127.0.0.1);"
                + " chat-added feeds must be public (see chat-feeds.allow-private-addresses)");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void everyLookupIsCheckedSoAHostThatLaterPointsInwardsIsRefused() throws Exception {
        Dns publicAnswer = host -> List.of(InetAddress.getByName("93.184.216.34"));
        Dns guard = GUARD.dns(publicAnswer);
        assertThat(guard.lookup("news.example")).extracting(InetAddress::getHostAddress).containsExactly("93.184.216.34");
        Dns privateAnswer = host -> List.of(InetAddress.getByName("10.1.2.3"));
        assertThatThrownBy(() -> GUARD.dns(privateAnswer).lookup("intranet.example"))
                .isInstanceOf(AddressRefusedException.class)
                .hasMessageStartingWith("refused: intranet.example resolves to a private address (10.1.2.3)");
        Dns metadata = host -> List.of(InetAddress.getByName("169.254.169.254"));
        assertThatThrownBy(() -> GUARD.dns(metadata).lookup("metadata.example"))
                .hasMessageStartingWith("refused: metadata.example resolves to a link-local address");
    }

    @Test
    void withPrivateAddressesAllowedTheCheckReadsTheFeedTitle() throws IOException {
        server.enqueue(new MockResponse.Builder().body(fixture("wire-v1.xml"))
                .addHeader("Content-Type", "application/rss+xml").build());
        FeedCheck check = new FetchingFeedCheck(reader(Dns.SYSTEM), CLOCK);

        FeedCheck.Result r = check.check(URI.create(server.url("/world.xml").toString()));

        assertThat(r.feed()).isTrue();
        assertThat(r.title()).isNotBlank().isEqualTo(titleOf(fixture("wire-v1.xml")));
    }

    @Test
    void aWebPageWithoutAFeedIsNotAFeedAfterTheCommonPathsAreTried() {
        server.enqueue(new MockResponse.Builder().body("<!doctype html><html><body>Hello</body></html>")
                .addHeader("Content-Type", "text/html").build());
        for (int i = 0; i < 4; i++) {
            server.enqueue(new MockResponse.Builder().code(404).build());
        }
        FeedCheck.Result r = new FetchingFeedCheck(reader(Dns.SYSTEM), CLOCK)
                .check(URI.create(server.url("/").toString()));
        assertThat(r.feed()).isFalse();
        assertThat(r.problem()).isEqualTo("it is a web page that links to no feed, and none was found at /feed,"
                + " /rss, /atom.xml, /index.xml");
        assertThat(server.getRequestCount()).isEqualTo(5);
    }

    @Test
    void aLocalFileIsNeverOpenedForAChatFeed() throws IOException {
        Path file = dir.resolve("wire.xml");
        Files.writeString(file, fixture("wire-v1.xml"));
        ReadResult r = reader(Dns.SYSTEM).read(file.toString(), null, null, CLOCK.instant());
        assertThat(r).isEqualTo(new ReadResult.Failed(SourceReader.UNSUPPORTED));
    }

    private static String titleOf(String xml) {
        int start = xml.indexOf("<title>") + "<title>".length();
        return xml.substring(start, xml.indexOf("</title>", start)).strip();
    }
}
