package newsalert.pipeline;

import java.time.Duration;
import java.time.Instant;
import newsalert.config.FeedConfig;
import newsalert.config.PollSettings;
import newsalert.store.FeedState;

/**
 * When each feed is polled: the state a feed moves to after a read, and whether it is due.
 *
 * <p>Rules: a feed's interval is its own {@code interval} when set, else {@code poll.interval}. After a
 * successful read (or a 304 Not Modified) the next poll is one interval later and the failure count is
 * reset; the first successful read also stamps {@code firstPollAt} (whose entries are recorded without
 * alerting). After the n-th failure in a row the next try is {@code interval × 2^(n-1)} later, capped at
 * {@code poll.max-backoff}, or later when the server asked for a longer wait with {@code Retry-After} (429 or
 * 503; the fetcher caps it at 6 h); the ETag, Last-Modified and first-poll time are kept. A feed with no
 * {@code nextPollAt} is due at once. Times are UTC instants; pure and thread-safe.
 */
final class FeedSchedule {
    private final PollSettings settings;

    /** @param settings the default interval and the back-off cap */
    FeedSchedule(PollSettings settings) {
        this.settings = settings;
    }

    /** @return the feed's own interval, else the default */
    Duration interval(FeedConfig feed) {
        return feed.interval() == null ? settings.interval() : feed.interval();
    }

    /** @return true when the feed may be polled at {@code now} */
    static boolean isDue(FeedState state, Instant now) {
        return state.nextPollAt() == null || !state.nextPollAt().isAfter(now);
    }

    /**
     * @param etag         the read's ETag, or null when the server sent none
     * @param lastModified the read's Last-Modified value, or null
     * @return the state after a successful read at {@code now}
     */
    FeedState afterRead(FeedConfig feed, FeedState state, String etag, String lastModified, Instant now) {
        return new FeedState(feed.url(), etag, lastModified, state.firstPollAt() == null ? now : state.firstPollAt(),
                now, now.plus(interval(feed)), 0, null);
    }

    /** @return the state after a 304 Not Modified at {@code now}: validators kept, failures reset */
    FeedState afterNotModified(FeedConfig feed, FeedState state, Instant now) {
        return new FeedState(feed.url(), state.etag(), state.lastModified(), state.firstPollAt(), now,
                now.plus(interval(feed)), 0, null);
    }

    /**
     * @param reason one-line reason, kept as {@code lastError}
     * @return the state after a failed read at {@code now}, due again after the back-off
     */
    FeedState afterFailure(FeedConfig feed, FeedState state, Instant now, String reason) {
        return afterFailure(feed, state, now, reason, null);
    }

    /**
     * @param reason     one-line reason, kept as {@code lastError}
     * @param retryAfter the wait the server asked for ({@code Retry-After}, already capped at 6 h), or {@code null}
     * @return the state after a failed read at {@code now}, due again after the back-off or the server's wait,
     *         whichever is longer
     */
    FeedState afterFailure(FeedConfig feed, FeedState state, Instant now, String reason, Duration retryAfter) {
        int failures = state.failures() + 1;
        Duration wait = interval(feed).multipliedBy(1L << Math.min(failures - 1, 20));
        if (wait.compareTo(settings.maxBackoff()) > 0) {
            wait = settings.maxBackoff();
        }
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
            wait = retryAfter;
        }
        return new FeedState(feed.url(), state.etag(), state.lastModified(), state.firstPollAt(), now,
                now.plus(wait), failures, reason);
    }
}
