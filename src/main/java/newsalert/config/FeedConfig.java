package newsalert.config;

import java.time.Duration;

/**
 * One feed to poll.
 *
 * @param url      http(s) URL, or a local file path (absolute, or as read from the config file's folder)
 * @param name     display name; {@code null} means "use the feed's own title"
 * @param interval how often to poll it; {@code null} means {@code poll.interval}
 */
public record FeedConfig(String url, String name, Duration interval) {
    /**
     * @return how log lines name the feed: {@code BBC News World (https://…)} with a configured name, else the URL
     */
    public String label() {
        return name == null || name.isBlank() ? url : name + " (" + url + ")";
    }
}
