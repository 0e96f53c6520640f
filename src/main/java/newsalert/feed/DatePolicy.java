package newsalert.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Decides whether a date read from a feed is believable.
 *
 * <p>Rome parses dates leniently (30 February becomes 1 March, odd fractions shift the time), so a
 * parsed date is only kept when it lies in {@code [1995-01-01T00:00:00Z, firstSeen + 10 minutes]}:
 * nothing was syndicated before 1995, and a story cannot be published after we first saw it,
 * beyond a small allowance for clock skew between the publisher and us. Anything else counts as
 * "no date" ({@code null}); the caller then falls back to the first-seen time.
 */
final class DatePolicy {
    /** Earliest believable publication time. */
    static final Instant EARLIEST = Instant.parse("1995-01-01T00:00:00Z");
    /** How far past first-seen a date may lie (publisher clock ahead of ours). */
    static final Duration SKEW = Duration.ofMinutes(10);

    private DatePolicy() {
    }

    /** The first of {@code candidates} that is present and plausible, else {@code null}. */
    static Instant firstPlausible(Instant firstSeen, Date... candidates) {
        for (Date d : candidates) {
            if (d != null && plausible(d.toInstant(), firstSeen)) {
                return d.toInstant();
            }
        }
        return null;
    }

    /** The first of {@code candidates} that is present and plausible, else {@code null}. */
    static Instant firstPlausible(Instant firstSeen, Instant... candidates) {
        for (Instant t : candidates) {
            if (t != null && plausible(t, firstSeen)) {
                return t;
            }
        }
        return null;
    }

    static boolean plausible(Instant t, Instant firstSeen) {
        return !t.isBefore(EARLIEST) && !t.isAfter(firstSeen.plus(SKEW));
    }
}
