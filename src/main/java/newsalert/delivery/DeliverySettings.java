package newsalert.delivery;

import java.time.Duration;
import java.util.Objects;

/**
 * The delivery worker's settings.
 *
 * @param batchPerTarget  how many pending rows of one target are read per {@link DeliveryWorker#deliverDue}
 *                        call (positive)
 * @param firstBackoff    the wait after the first transient failure; each further attempt doubles it
 * @param maxBackoff      the cap on transient back-off
 * @param digestThreshold when a target has more than this many pending rows (counted within one batch), the
 *                        lower-severity ones are merged into one digest; 0 turns digests off
 * @param digestSingles   how many highest-severity rows of such a backlog are still sent on their own
 *                        (0 or more, below {@code digestThreshold} when digests are on)
 */
public record DeliverySettings(int batchPerTarget, Duration firstBackoff, Duration maxBackoff, int digestThreshold,
                               int digestSingles) {
    public DeliverySettings {
        Objects.requireNonNull(firstBackoff, "firstBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (batchPerTarget <= 0) {
            throw new IllegalArgumentException("batchPerTarget must be positive: " + batchPerTarget);
        }
        if (firstBackoff.isNegative() || firstBackoff.isZero() || maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalArgumentException("need 0 < firstBackoff <= maxBackoff");
        }
        if (digestThreshold < 0 || digestSingles < 0 || digestThreshold > 0 && digestSingles >= digestThreshold) {
            throw new IllegalArgumentException("need digestThreshold >= 0 and 0 <= digestSingles < digestThreshold");
        }
    }

    /**
     * @return 20 rows per target and call, back-off 1 s doubling up to 10 min, digests above 5 pending rows
     *         keeping the 2 most severe single
     */
    public static DeliverySettings defaults() {
        return new DeliverySettings(20, Duration.ofSeconds(1), Duration.ofMinutes(10), 5, 2);
    }

    /** @return these settings with digests off */
    public DeliverySettings withoutDigests() {
        return new DeliverySettings(batchPerTarget, firstBackoff, maxBackoff, 0, 0);
    }

    /**
     * @param attemptsSoFar the row's attempts before the one that just failed (0 for the first)
     * @return {@code firstBackoff × 2^attemptsSoFar}, capped at {@code maxBackoff}
     */
    public Duration backoff(int attemptsSoFar) {
        Duration d = firstBackoff;
        for (int i = 0; i < attemptsSoFar && d.compareTo(maxBackoff) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }
}
