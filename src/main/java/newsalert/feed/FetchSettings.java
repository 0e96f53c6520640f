package newsalert.feed;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits for {@link FeedFetcher}.
 *
 * @param connectTimeout how long to wait for a TCP/TLS connection
 * @param readTimeout    the longest silence allowed while reading headers or body
 * @param maxBodyBytes   largest body accepted, in bytes after gzip decoding; counted while streaming
 * @param maxRedirects   how many redirects are followed before giving up
 * @param userAgent      the {@code User-Agent} header
 * @param totalTimeout   deadline for the whole fetch, every redirect hop included, so that a server trickling
 *                       bytes slower than {@code readTimeout} cannot hold the poller for long
 */
public record FetchSettings(Duration connectTimeout, Duration readTimeout, long maxBodyBytes, int maxRedirects,
                            String userAgent, Duration totalTimeout) {
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
        Objects.requireNonNull(totalTimeout, "totalTimeout");
        if (totalTimeout.isZero() || totalTimeout.isNegative()) {
            throw new IllegalArgumentException("totalTimeout must be positive");
        }
    }

    /**
     * Settings whose total deadline is {@code connectTimeout + 4 × readTimeout}.
     *
     * @see #FetchSettings(Duration, Duration, long, int, String, Duration)
     */
    public FetchSettings(Duration connectTimeout, Duration readTimeout, long maxBodyBytes, int maxRedirects,
                         String userAgent) {
        this(connectTimeout, readTimeout, maxBodyBytes, maxRedirects, userAgent,
                connectTimeout.plus(readTimeout.multipliedBy(4)));
    }

    /** 10 s connect, 20 s read, 5 MB, 5 redirects, {@link #USER_AGENT}, 60 s in all. */
    public static FetchSettings defaults() {
        return new FetchSettings(Duration.ofSeconds(10), Duration.ofSeconds(20), DEFAULT_MAX_BODY, 5, USER_AGENT,
                Duration.ofSeconds(60));
    }
}
