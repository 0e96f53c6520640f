package newsalert.config;

import java.time.Duration;

/**
 * Polling schedule.
 *
 * @param interval   default time between two polls of one feed (config {@code poll.interval}, default 5m)
 * @param maxAge     stories published longer ago than this are recorded but never alerted
 *                   ({@code poll.max-age}, default 24h)
 * @param maxBackoff longest wait after repeated failures of one feed ({@code poll.max-backoff}, default 1h);
 *                   the wait doubles per consecutive failure from {@code interval} up to this
 */
public record PollSettings(Duration interval, Duration maxAge, Duration maxBackoff) {
}
