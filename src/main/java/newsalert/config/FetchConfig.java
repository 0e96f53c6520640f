package newsalert.config;

import java.time.Duration;

/**
 * HTTP fetching limits for feeds from the open internet.
 *
 * @param connectTimeout TCP/TLS connect timeout ({@code fetch.connect-timeout}, default 10s)
 * @param readTimeout    timeout between bytes read ({@code fetch.read-timeout}, default 30s)
 * @param maxBodyBytes   largest feed body accepted, in bytes ({@code fetch.max-body-bytes}, default 5 MB)
 * @param maxRedirects   redirects followed before giving up ({@code fetch.max-redirects}, default 5)
 * @param userAgent      User-Agent header sent ({@code fetch.user-agent})
 * @param totalTimeout   deadline for one whole fetch, redirects included ({@code fetch.total-timeout}, default 60s)
 * @param concurrency    feeds fetched and parsed at the same time ({@code fetch.concurrency}, default
 *                       {@value #DEFAULT_CONCURRENCY}, 1 to {@value #MAX_CONCURRENCY}); read feeds wait for the
 *                       store in a queue of at most as many, so memory does not grow with the number of feeds
 */
public record FetchConfig(Duration connectTimeout, Duration readTimeout, long maxBodyBytes, int maxRedirects,
                          String userAgent, Duration totalTimeout, Integer concurrency) {
    /** The default of {@code fetch.concurrency}. */
    public static final int DEFAULT_CONCURRENCY = 8;
    /** The most {@code fetch.concurrency} allows. */
    public static final int MAX_CONCURRENCY = 64;

    public FetchConfig {
        if (concurrency == null) {
            concurrency = DEFAULT_CONCURRENCY;
        }
    }
}
