package newsalert.store;

import java.time.Instant;

/**
 * What the poller remembers about one feed between polls.
 *
 * @param url          the feed URL or file path, as configured (the key)
 * @param etag         last ETag the server sent, or {@code null}
 * @param lastModified last Last-Modified header value, verbatim, or {@code null}
 * @param firstPollAt  when the feed was first polled successfully, or {@code null} before that; entries of
 *                     the first successful poll are recorded without alerting
 * @param lastPollAt   when it was last polled (success or failure), or {@code null}
 * @param nextPollAt   when it is due next, or {@code null} for "now"
 * @param failures     consecutive failed polls (0 after a success); drives back-off
 * @param lastError    one-line reason of the last failure, or {@code null}
 */
public record FeedState(String url, String etag, String lastModified, Instant firstPollAt, Instant lastPollAt,
                        Instant nextPollAt, int failures, String lastError) {
    /** @return the state of a feed never polled */
    public static FeedState fresh(String url) {
        return new FeedState(url, null, null, null, null, null, 0, null);
    }
}
