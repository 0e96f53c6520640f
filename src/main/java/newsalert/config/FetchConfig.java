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
 */
public record FetchConfig(Duration connectTimeout, Duration readTimeout, long maxBodyBytes, int maxRedirects,
                          String userAgent, Duration totalTimeout) {
}
