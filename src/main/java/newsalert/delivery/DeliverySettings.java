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
 */
public record DeliverySettings(int batchPerTarget, Duration firstBackoff, Duration maxBackoff) {
    public DeliverySettings {
        Objects.requireNonNull(firstBackoff, "firstBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (batchPerTarget <= 0) {
            throw new IllegalArgumentException("batchPerTarget must be positive: " + batchPerTarget);
        }
        if (firstBackoff.isNegative() || firstBackoff.isZero() || maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalArgumentException("need 0 < firstBackoff <= maxBackoff");
        }
    }

    /** @return 20 rows per target and call, back-off 1 s doubling up to 10 min */
    public static DeliverySettings defaults() {
        return new DeliverySettings(20, Duration.ofSeconds(1), Duration.ofMinutes(10));
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
