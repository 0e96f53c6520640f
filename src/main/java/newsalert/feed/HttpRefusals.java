package newsalert.feed;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import newsalert.feed.FetchResult.Failed;
import newsalert.feed.FetchResult.Failure;
import okhttp3.Response;

/**
 * The failure for an HTTP status other than 2xx, 3xx redirect or 304.
 *
 * <ul>
 *   <li>429 and 503 with {@code Retry-After}: the wait is kept ({@link RetryAfter}, at most 6 h) and named,
 *       e.g. {@code "HTTP 429 (too many requests); the site asks us to wait 2 h (Retry-After)"}.</li>
 *   <li>403 and 503 that are Cloudflare's bot challenge ({@code cf-mitigated: challenge}, or
 *       {@code Server: cloudflare} with a challenge page): {@value #CLOUDFLARE}.</li>
 *   <li>Any other status: {@code "HTTP 404 (not found)"}.</li>
 * </ul>
 * The server's reason phrase is never shown ({@link #status}): it is the server's own text.
 */
final class HttpRefusals {
    /** The reason for a Cloudflare challenge page. */
    static final String CLOUDFLARE = "blocked by the site's bot protection (Cloudflare challenge)";
    /** How much of a 403/503 page is read to look for challenge markers. */
    private static final long PEEK = 64 * 1024;
    private static final List<String> CHALLENGE_MARKERS = List.of("cf-chl", "cf_chl_opt", "challenge-platform",
            "just a moment...", "checking your browser", "attention required! | cloudflare", "cf-challenge");

    private HttpRefusals() {
    }

    static Failed describe(Response resp) {
        int code = resp.code();
        if ((code == 403 || code == 503) && cloudflareChallenge(resp)) {
            return new Failed(Failure.HTTP_STATUS, code, CLOUDFLARE);
        }
        // never the server's reason phrase: it is the server's text (bidi marks, any words it likes)
        String status = status(code);
        if (code == 429 || code == 503) {
            Duration wait = RetryAfter.parse(resp.header("Retry-After"), resp.header("Date"),
                    Instant.ofEpochMilli(resp.receivedResponseAtMillis()));
            if (wait != null) {
                String asked = wait.compareTo(RetryAfter.MAX) >= 0
                        ? RetryAfter.describe(wait) + " or longer (Retry-After; newsalert waits at most "
                                + RetryAfter.describe(RetryAfter.MAX) + ")"
                        : RetryAfter.describe(wait) + " (Retry-After)";
                return new Failed(Failure.HTTP_STATUS, code, status + "; the site asks us to wait " + asked, wait);
            }
        }
        return new Failed(Failure.HTTP_STATUS, code, status);
    }

    /**
     * @param code an HTTP status code
     * @return our words for it, e.g. {@code "HTTP 503 (service unavailable)"}, {@code "HTTP 404 (not found)"}; a
     *         code without its own words gets its class's, e.g. {@code "HTTP 599 (server error)"}
     */
    static String status(int code) {
        String words = switch (code) {
            case 400 -> "bad request";
            case 401 -> "login required";
            case 402 -> "payment required";
            case 403 -> "forbidden";
            case 404 -> "not found";
            case 405 -> "method not allowed";
            case 406 -> "not acceptable";
            case 407 -> "proxy login required";
            case 408 -> "request timeout";
            case 409 -> "conflict";
            case 410 -> "gone";
            case 411, 412, 413, 414, 415, 416, 417, 421, 422, 428, 431 -> "request refused";
            case 418 -> "refused";
            case 423 -> "locked";
            case 425, 429 -> "too many requests";
            case 451 -> "unavailable for legal reasons";
            case 500 -> "internal server error";
            case 501 -> "not implemented";
            case 502 -> "bad gateway";
            case 503 -> "service unavailable";
            case 504 -> "gateway timeout";
            case 505 -> "HTTP version not supported";
            case 507 -> "server out of storage";
            case 508 -> "loop detected";
            case 511 -> "network login required";
            default -> code >= 500 && code <= 599 ? "server error" : code >= 400 && code <= 499 ? "client error"
                    : code >= 300 && code <= 399 ? "redirect" : "unexpected status";
        };
        return "HTTP " + code + " (" + words + ")";
    }

    private static boolean cloudflareChallenge(Response resp) {
        String mitigated = resp.header("cf-mitigated");
        if (mitigated != null && mitigated.trim().equalsIgnoreCase("challenge")) {
            return true;
        }
        String server = resp.header("Server");
        if (server == null || !server.toLowerCase(Locale.ROOT).contains("cloudflare")) {
            return false;
        }
        try {
            String page = resp.peekBody(PEEK).string().toLowerCase(Locale.ROOT);
            return CHALLENGE_MARKERS.stream().anyMatch(page::contains);
        } catch (IOException unreadable) {
            return false;
        }
    }
}
