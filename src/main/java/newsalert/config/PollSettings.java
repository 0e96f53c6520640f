package newsalert.config;

import java.time.Duration;

/**
 * Polling schedule.
 *
 * @param interval    default time between two polls of one feed (config {@code poll.interval}, default 5m)
 * @param maxAge      stories published longer ago than this are recorded but never alerted
 *                    ({@code poll.max-age}, default 24h)
 * @param maxBackoff  longest wait after repeated failures of one feed ({@code poll.max-backoff}, default 1h);
 *                    the wait doubles per consecutive failure from {@code interval} up to this
 * @param minInterval the shortest interval a chat may give its own feed with {@code feeds add <url> [interval]}
 *                    ({@code poll.min-interval}, default 5m); a stored shorter one (the key raised since) is
 *                    polled at this
 */
public record PollSettings(Duration interval, Duration maxAge, Duration maxBackoff, Duration minInterval) {
    /** The default of {@code poll.min-interval}. */
    public static final Duration DEFAULT_MIN_INTERVAL = Duration.ofMinutes(5);

    public PollSettings {
        if (minInterval == null) {
            minInterval = DEFAULT_MIN_INTERVAL;
        }
    }

    /** Settings with {@code poll.min-interval} at its default of 5m. */
    public PollSettings(Duration interval, Duration maxAge, Duration maxBackoff) {
        this(interval, maxAge, maxBackoff, DEFAULT_MIN_INTERVAL);
    }
}
