package newsalert.feed;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits for {@link FeedFetcher}.
 *
 * @param connectTimeout how long to wait for a TCP/TLS connection
 * @param readTimeout    the longest silence allowed while reading headers or body; the whole of one
 *                       request (one redirect hop) is also capped at {@code connectTimeout + 4 × readTimeout}
 * @param maxBodyBytes   largest body accepted, in bytes after gzip decoding; counted while streaming
 * @param maxRedirects   how many redirects are followed before giving up
 * @param userAgent      the {@code User-Agent} header
 */
public record FetchSettings(Duration connectTimeout, Duration readTimeout, long maxBodyBytes, int maxRedirects,
                            String userAgent) {
    /** Default User-Agent. */
    public static final String USER_AGENT = "newsalert/0.1 (+https://github.com/newsalert/newsalert)";
    /** Default body cap: 5 MB. */
    public static final long DEFAULT_MAX_BODY = 5L * 1024 * 1024;

    public FetchSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive");
        }
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("maxRedirects must not be negative");
        }
        userAgent = userAgent == null || userAgent.isBlank() ? USER_AGENT : userAgent;
    }

    /** 10 s connect, 20 s read, 5 MB, 5 redirects, {@link #USER_AGENT}. */
    public static FetchSettings defaults() {
        return new FetchSettings(Duration.ofSeconds(10), Duration.ofSeconds(20), DEFAULT_MAX_BODY, 5, USER_AGENT);
    }
}
