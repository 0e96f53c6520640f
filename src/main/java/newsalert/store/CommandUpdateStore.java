package newsalert.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import newsalert.subscription.Target;

/**
 * The storage port for chat commands received by polling (Telegram's {@code getUpdates}): which updates were
 * handled, where polling resumes, and the replies, queued as outbox rows so that they share the delivery worker's
 * rate limits and retries with alerts. Implementations are thread-safe; every method is one transaction; failures
 * surface as {@link StoreException}.
 *
 * <p>An update id is the platform's ({@code update_id}), increasing in the order the platform received them, for one
 * bot account: {@code source} names it ({@code telegram:<bot id>}), so that a new token for another bot does not
 * inherit the old bot's offset. Telegram picks the next id at random after a week without updates, so a stored
 * offset not raised for {@link #STALE} counts as none (the platform's own confirmed offset then applies).
 */
public interface CommandUpdateStore {
    /** How long a stored offset that did not rise is trusted. */
    Duration STALE = Duration.ofDays(6);

    /**
     * @param now the current time, for {@link #STALE}
     * @return the next update id to ask the platform for (every update below it was handled or needed no answer),
     *         or 0 when none was stored, or it is stale
     */
    long nextUpdateId(String source, Instant now);

    /**
     * @param now the current time, for {@link #STALE}
     * @return whether the update's replies were queued already ({@link #queueReplies}), or it is below the stored
     *         offset
     */
    boolean handled(String source, long updateId, Instant now);

    /**
     * In one transaction: records the update as handled, queues each note as a pending
     * {@link OutboxKind#NOTICE} row for the target (in list order, so in id order), and raises the stored next
     * update id to {@code nextUpdateId} when that is higher (forgetting handled ids below it). When the update
     * was handled before, nothing is written.
     *
     * @param notes        the rows' notes, as the platform's adapter will read them back; may be empty (the
     *                     update is then only recorded as handled)
     * @param nextUpdateId the lowest update id not yet handled, as known before this write
     * @return false when the update was handled before (nothing written)
     */
    boolean queueReplies(String source, long updateId, Target target, List<String> notes, long nextUpdateId,
                         Instant at);

    /** Raises the stored next update id to {@code nextUpdateId} when that is higher (updates that needed no reply). */
    void confirmUpdates(String source, long nextUpdateId, Instant at);
}
