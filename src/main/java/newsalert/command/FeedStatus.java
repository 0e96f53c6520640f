package newsalert.command;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The port {@code feeds list} reads each chat feed's polling health from (the poller's stored state). */
public interface FeedStatus {

    /**
     * @param url a chat feed's address
     * @return its health, or empty when it has never been polled
     */
    Optional<Health> health(String url);

    /**
     * Makes the feed due at once (its back-off is cut short; its failure count is kept).
     *
     * @return false when it has no stored state yet (it is due anyway)
     */
    boolean retryNow(String url);

    /** @return how often a chat feed without an interval of its own is polled ({@code poll.interval}) */
    Duration interval();

    /**
     * @return the shortest interval {@code feeds add <url> [interval]} accepts ({@code poll.min-interval}); 5m
     *         unless the implementation knows the configured one
     */
    default Duration minInterval() {
        return Duration.ofMinutes(5);
    }

    /**
     * @param lastPollAt  when it was last polled (success or failure)
     * @param failures    failed polls in a row (0: the last poll succeeded)
     * @param lastError   the last failure's one-line reason, or {@code null}
     * @param nextPollAt  when it is polled next, or {@code null} for "now"
     * @param lastNewItem  when its newest entry was first seen, or {@code null} when it never had one
     * @param failingSince when its current run of failures began, or {@code null} (not failing, or not recorded)
     */
    record Health(Instant lastPollAt, int failures, String lastError, Instant nextPollAt, Instant lastNewItem,
                  Instant failingSince) {
    }
}
