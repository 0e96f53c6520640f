package newsalert.config;

import java.time.Duration;

/**
 * One feed to poll.
 *
 * @param url      http(s) URL, or a local file path (absolute, or relative to the working directory)
 * @param name     display name; {@code null} means "use the feed's own title"
 * @param interval how often to poll it; {@code null} means {@code poll.interval}
 */
public record FeedConfig(String url, String name, Duration interval) {
}
