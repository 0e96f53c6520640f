package newsalert.metrics;

import java.time.Duration;
import java.time.Instant;

/**
 * What one poll cycle did, for the metrics and its log line.
 *
 * @param feeds       feeds read this cycle (due ones)
 * @param notModified of those, answered 304 / unchanged
 * @param errors      of those, failed or refused
 * @param newEntries  entries stored for the first time
 * @param alerts      alerts queued
 * @param duration    from the cycle's start to its end, by the poller's clock
 * @param endedAt     when it ended, by the poller's clock
 */
public record PollCycle(int feeds, int notModified, int errors, int newEntries, int alerts, Duration duration,
                        Instant endedAt) {

    /**
     * @return the INFO line, e.g. {@code poll cycle: 812 feeds, 790 not modified, 3 errors, 41 new entries,
     *         2 alerts, 4.2 s}
     */
    public String logLine() {
        return String.format(java.util.Locale.ROOT, "poll cycle: %d feeds, %d not modified, %d errors, %d new entries,"
                + " %d alerts, %.1f s", feeds, notModified, errors, newEntries, alerts, duration.toMillis() / 1000.0);
    }
}
