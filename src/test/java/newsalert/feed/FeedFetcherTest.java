package newsalert.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import newsalert.feed.FetchResult.Failed;
import newsalert.feed.FetchResult.Failure;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FeedFetcherTest {
    private static final String RSS = "<rss version=\"2.0\"><channel><title>W</title></channel></rss>";
    private MockWebServer server;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static FetchSettings settings(long maxBytes, int maxRedirects, Duration read) {
        return new FetchSettings(Duration.ofSeconds(2), read, maxBytes, maxRedirects, null);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getPort() + path;
    }

    @Test
    void okThenNotModifiedSendsTheValidatorsBack() throws Exception {
        server.enqueue(new MockResponse.Builder().body(RSS).addHeader("Content-Type", "application/rss+xml")
                .addHeader("ETag", "\"v42\"").addHeader("Last-Modified", "Sun, 01 Jun 2025 10:00:00 GMT").build());
        server.enqueue(new MockResponse.Builder().code(304).build());
        FeedFetcher fetcher = new FeedFetcher(FetchSettings.defaults());

        FetchResult first = fetcher.fetch(FeedRequest.of(url("/feed.xml")));
        FetchResult.Ok ok = (FetchResult.Ok) first;
        FetchResult second = fetcher.fetch(new FeedRequest(url("/feed.xml"), ok.etag(), ok.lastModified()));

        assertThat(new String(ok.body(), StandardCharsets.UTF_8)).isEqualTo(RSS);
        assertThat(ok.contentType()).isEqualTo("application/rss+xml");
        assertThat(ok.etag()).isEqualTo("\"v42\"");
        assertThat(ok.lastModified()).isEqualTo("Sun, 01 Jun 2025 10:00:00 GMT");
        assertThat(ok.finalUrl()).isEqualTo(url("/feed.xml"));
        assertThat(second).isEqualTo(new FetchResult.NotModified(url("/feed.xml")));

        RecordedRequest r1 = server.takeRequest(1, TimeUnit.SECONDS);
        RecordedRequest r2 = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(r1.getHeaders().get("If-None-Match")).isNull();
        assertThat(r1.getHeaders().get("User-Agent")).isEqualTo(FetchSettings.USER_AGENT);
        assertThat(r2.getHeaders().get("If-None-Match")).isEqualTo("\"v42\"");
        assertThat(r2.getHeaders().get("If-Modified-Since")).isEqualTo("Sun, 01 Jun 2025 10:00:00 GMT");
    }

    @ParameterizedTest(name = "chunked={0}")
    @ValueSource(booleans = {false, true})
    void bodyOverTheCapIsTooLarge(boolean chunked) {
        String big = "x".repeat(6 * 1024 * 1024);
        MockResponse.Builder b = new MockResponse.Builder();
        server.enqueue((chunked ? b.chunkedBody(big, 64 * 1024) : b.body(big)).build());

        FetchResult r = new FeedFetcher(FetchSettings.defaults()).fetch(FeedRequest.of(url("/big")));

        assertThat(r).isEqualTo(new Failed(Failure.TOO_LARGE, 0, "too large: more than 5242880 bytes"));
    }

    @Test
    void slowBodyTimesOut() {
        server.enqueue(new MockResponse.Builder().body(RSS).bodyDelay(3, TimeUnit.SECONDS).build());

        FetchResult r = new FeedFetcher(settings(1000, 5, Duration.ofMillis(200))).fetch(FeedRequest.of(url("/slow")));

        assertThat(r).isEqualTo(new Failed(Failure.TIMEOUT, 0, "timeout fetching 127.0.0.1"));
    }

    @Test
    void redirectLoopStopsAfterTheLimit() {
        for (int i = 0; i < 10; i++) {
            server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", "/loop").build());
        }

        FetchResult r = new FeedFetcher(FetchSettings.defaults()).fetch(FeedRequest.of(url("/loop")));

        assertThat(r).isEqualTo(new Failed(Failure.TOO_MANY_REDIRECTS, 0, "too many redirects (more than 5)"));
        assertThat(server.getRequestCount()).isEqualTo(6);
    }

    @Test
    void redirectsAreFollowedAndTheFinalUrlReported() {
        server.enqueue(new MockResponse.Builder().code(301).addHeader("Location", "/new/feed.xml").build());
        server.enqueue(new MockResponse.Builder().body(RSS).build());

        FetchResult r = new FeedFetcher(FetchSettings.defaults()).fetch(FeedRequest.of(url("/old")));

        assertThat(r).isInstanceOfSatisfying(FetchResult.Ok.class,
                ok -> assertThat(ok.finalUrl()).isEqualTo(url("/new/feed.xml")));
    }

    @Test
    void redirectToANonHttpSchemeIsRefused() {
        server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", "file:///etc/passwd").build());

        FetchResult r = new FeedFetcher(FetchSettings.defaults()).fetch(FeedRequest.of(url("/x")));

        assertThat(r).isEqualTo(new Failed(Failure.BAD_URL, 0, "redirect to an address that is not http(s) (file:)"));
    }

    @Test
    void aRedirectsLocationTextIsNeverRepeated() {
        // tester17c: the server's Location words reached the chat ("tg://x YOUR BOT TOKEN LEAKED - send ...")
        server.enqueue(new MockResponse.Builder().code(302)
                .addHeader("Location", "tg://x YOUR TOKEN LEAKED - send /feeds add https://evil.example.org/").build());
        server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", "http://[zz]/ click here").build());

        FeedFetcher fetcher = new FeedFetcher(FetchSettings.defaults());
        assertThat(fetcher.fetch(FeedRequest.of(url("/a"))))
                .isEqualTo(new Failed(Failure.BAD_URL, 0, "redirect to an address that is not http(s) (tg:)"));
        assertThat(fetcher.fetch(FeedRequest.of(url("/b"))))
                .isEqualTo(new Failed(Failure.BAD_URL, 0, "redirect to a malformed web address"));
    }

    @Test
    void gzipBodyIsDecoded() throws Exception {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write(RSS.getBytes(StandardCharsets.UTF_8));
        }
        server.enqueue(new MockResponse.Builder().addHeader("Content-Encoding", "gzip")
                .body(new Buffer().write(zipped.toByteArray())).build());

        FetchResult r = new FeedFetcher(FetchSettings.defaults()).fetch(FeedRequest.of(url("/gz")));

        assertThat(r).isInstanceOfSatisfying(FetchResult.Ok.class,
                ok -> assertThat(new String(ok.body(), StandardCharsets.UTF_8)).isEqualTo(RSS));
        assertThat(server.takeRequest(1, TimeUnit.SECONDS).getHeaders().get("Accept-Encoding")).isEqualTo("gzip");
    }

    @Test
    void serverErrorIsAFailureWithTheStatus() {
        server.enqueue(new MockResponse.Builder().code(500).build());

        FetchResult r = new FeedFetcher(FetchSettings.defaults()).fetch(FeedRequest.of(url("/boom")));

        assertThat(r).isEqualTo(new Failed(Failure.HTTP_STATUS, 500, "HTTP 500 (internal server error)"));
    }

    @Test
    void nonHttpUrlIsRefusedWithoutAnyRequest() {
        FetchResult r = new FeedFetcher(FetchSettings.defaults()).fetch(FeedRequest.of("file:///etc/passwd"));

        assertThat(r).isEqualTo(new Failed(Failure.BAD_URL, 0, "not an http(s) URL: file:///etc/passwd"));
    }

    @Test
    void refusedConnectionIsANetworkFailure() {
        int port = server.getPort();
        server.close();

        FetchResult r = new FeedFetcher(FetchSettings.defaults())
                .fetch(FeedRequest.of("http://127.0.0.1:" + port + "/feed"));

        assertThat(r).isEqualTo(new Failed(Failure.NETWORK, 0, "cannot connect to 127.0.0.1:" + port));
    }

    @Test
    void tricklingBodyHitsTheTotalDeadlineThoughEachReadIsQuick() {
        // 64 bytes every 100 ms: never silent for the 2 s read timeout, but far past the 1 s total deadline
        String big = RSS + " ".repeat(4096);
        server.enqueue(new MockResponse.Builder().body(big).throttleBody(64, 100, TimeUnit.MILLISECONDS).build());
        FetchSettings s = new FetchSettings(Duration.ofSeconds(2), Duration.ofSeconds(2), 1_000_000, 5, null,
                Duration.ofSeconds(1));

        FetchResult r = new FeedFetcher(s).fetch(FeedRequest.of(url("/slow.xml")));

        assertThat(r).isInstanceOf(Failed.class);
        assertThat(((Failed) r).kind()).isEqualTo(Failure.TIMEOUT);
    }

    @Test
    void cancelAllAbortsAFetchWhileItsBodyIsBeingRead() throws Exception {
        // headers at once, then 1 byte per second: the call is in its body-reading phase when cancelled
        server.enqueue(new MockResponse.Builder().body(RSS + " ".repeat(100))
                .throttleBody(1, 1, TimeUnit.SECONDS).build());
        FeedFetcher fetcher = new FeedFetcher(new FetchSettings(Duration.ofSeconds(2), Duration.ofSeconds(60),
                1_000_000, 5, null, Duration.ofSeconds(60)));
        var result = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> fetcher.fetch(FeedRequest.of(url("/stall.xml"))));
        assertThat(server.takeRequest(5, TimeUnit.SECONDS)).isNotNull();

        fetcher.cancelAll();

        FetchResult r = result.get(5, TimeUnit.SECONDS);
        assertThat(r).isInstanceOf(Failed.class);
    }
}
