package newsalert.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import newsalert.feed.FetchResult.Failed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Retry-After on 429/503 and Cloudflare's challenge on 403/503, against a server on 127.0.0.1. */
class HttpRefusalsTest {
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

    private Failed fetch(MockResponse response) {
        server.enqueue(response);
        return (Failed) new FeedFetcher(FetchSettings.defaults())
                .fetch(FeedRequest.of("http://127.0.0.1:" + server.getPort() + "/feed.xml"));
    }

    @Test
    void retryAfterSecondsOnA429IsKeptAndNamed() {
        Failed f = fetch(new MockResponse.Builder().code(429).status("HTTP/1.1 429 Too Many Requests")
                .addHeader("Retry-After", "7200").build());

        assertThat(f.retryAfter()).isEqualTo(Duration.ofHours(2));
        assertThat(f.httpStatus()).isEqualTo(429);
        assertThat(f.reason()).isEqualTo("HTTP 429 (too many requests); the site asks us to wait 2 h (Retry-After)");
    }

    /** issue 17 (tester's item 5): the server's reason phrase (bidi marks, its own words) never reaches a user */
    @Test
    void theServersReasonPhraseIsNeverShownOnlyOurWordsForTheCode() {
        Failed f = fetch(new MockResponse.Builder().code(503)
                .status("HTTP/1.1 503 \u202Eexe.etadpu Click https://evil.example/fix to restore your feed").build());

        assertThat(f.reason()).isEqualTo("HTTP 503 (service unavailable)");
        assertThat(fetch(new MockResponse.Builder().code(599).status("HTTP/1.1 599 whatever").build()).reason())
                .isEqualTo("HTTP 599 (server error)");
        assertThat(HttpRefusals.status(418)).isEqualTo("HTTP 418 (refused)");
        assertThat(HttpRefusals.status(470)).isEqualTo("HTTP 470 (client error)");
    }

    @Test
    void controlAndBidiMarksAreDroppedFromAnyFailureReason() {
        assertThat(new Failed(FetchResult.Failure.NETWORK, 0, "TLS error with a\u202Eb.example\u0007 \n x").reason())
                .isEqualTo("TLS error with ab.example x");
        assertThat(new FeedException("not a feed: the XML root is <a\u2066b>").getMessage())
                .isEqualTo("not a feed: the XML root is <ab>");
        assertThat(Discovery.none("the page links to the feed https://x.example/\u202Ea, but").problem())
                .isEqualTo("the page links to the feed https://x.example/a, but");
    }

    @Test
    void aRetryAfterBeyondTheCapSaysTheWaitWasCapped() {
        Failed f = fetch(new MockResponse.Builder().code(429).status("HTTP/1.1 429 Too Many Requests")
                .addHeader("Retry-After", "1000000000").build());

        assertThat(f.retryAfter()).isEqualTo(Duration.ofHours(6));
        assertThat(f.reason()).isEqualTo("HTTP 429 (too many requests); the site asks us to wait 6 h or longer"
                + " (Retry-After; newsalert waits at most 6 h)");
    }

    @Test
    void retryAfterAsAnHttpDateOnA503CountsFromTheResponsesDate() {
        Failed f = fetch(new MockResponse.Builder().code(503).status("HTTP/1.1 503 Service Unavailable")
                .addHeader("Date", "Sun, 06 Dec 2026 20:00:00 GMT")
                .addHeader("Retry-After", "Sun, 06 Dec 2026 20:45:00 GMT").build());

        assertThat(f.retryAfter()).isEqualTo(Duration.ofMinutes(45));
        assertThat(f.reason()).isEqualTo("HTTP 503 (service unavailable); the site asks us to wait 45 min (Retry-After)");
    }

    @Test
    void aWaitOfDaysIsCappedAtSixHoursAndOtherStatusesIgnoreIt() {
        assertThat(fetch(new MockResponse.Builder().code(429).addHeader("Retry-After", "864000").build())
                .retryAfter()).isEqualTo(Duration.ofHours(6));
        Failed notFound = fetch(new MockResponse.Builder().code(404).status("HTTP/1.1 404 Not Found")
                .addHeader("Retry-After", "60").build());
        assertThat(notFound.retryAfter()).isNull();
        assertThat(notFound.reason()).isEqualTo("HTTP 404 (not found)");
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', textBlock = """
        120                                      | 120
        ' 90 '                                   | 90
        Sun, 06 Dec 2026 21:00:00 GMT            | 3600
        Sun, 06 Dec 2026 19:00:00 GMT            | -1
        -5                                       | -1
        soon                                     | -1
        999999999                                | 21600
        """)
    void retryAfterValues(String header, long seconds) {
        Duration wait = RetryAfter.parse(header, null, Instant.parse("2026-12-06T20:00:00Z"));
        assertThat(wait).isEqualTo(seconds < 0 ? null : Duration.ofSeconds(seconds));
    }

    @Test
    void cfMitigatedChallengeHeaderOnA403IsNamedAsBotProtection() {
        Failed f = fetch(new MockResponse.Builder().code(403).addHeader("cf-mitigated", "challenge")
                .addHeader("Server", "cloudflare").body("<html>…</html>").build());

        assertThat(f.reason()).isEqualTo("blocked by the site's bot protection (Cloudflare challenge)");
        assertThat(f.httpStatus()).isEqualTo(403);
    }

    @Test
    void cloudflareServerWithAChallengePageOnA503IsNamedAsBotProtection() {
        Failed f = fetch(new MockResponse.Builder().code(503).addHeader("Server", "cloudflare")
                .body("<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>"
                        + "<script src=\"/cdn-cgi/challenge-platform/h/g/orchestrate/chl_page/v1\"></script>"
                        + "</body></html>").build());

        assertThat(f.reason()).isEqualTo("blocked by the site's bot protection (Cloudflare challenge)");
    }

    @Test
    void aPlainCloudflareErrorIsJustItsStatus() {
        Failed f = fetch(new MockResponse.Builder().code(403).status("HTTP/1.1 403 Forbidden")
                .addHeader("Server", "cloudflare").body("<html><body>Access denied by the site owner</body></html>")
                .build());

        assertThat(f.reason()).isEqualTo("HTTP 403 (forbidden)");
    }
}
