package newsalert.delivery;

import java.time.Instant;
import java.util.List;
import newsalert.subscription.Target;

/**
 * What one {@link DeliveryWorker#deliverDue} call did.
 *
 * @param sent       messages delivered (a digest counts once)
 * @param merged     rows delivered inside digests (settled {@code DROPPED} with the digest's message id)
 * @param retried    sends that failed for now (429 or transient) and stay pending with a later attempt time
 * @param paused     targets paused because of a permanent error (their head row was settled FAILED)
 * @param migrations chats the platform reported as moved; the caller should move their subscriptions
 * @param edited     earlier messages edited (not counted in {@code sent})
 * @param rejected   rows the platform refused for their content ({@link SendResult.Rejected}), settled failed
 * @param limitedUntil the earliest time at which a target this call held back for its platform's rate limits may
 *                   send again ({@link RateLimiter#nextAllowed}); {@code null} when no target was held back. A caller
 *                   that delivers on a schedule calls again then rather than at its next tick (issue 19: the overall
 *                   limit's window opens again one second after a burst)
 */
public record DeliveryReport(int sent, int merged, int retried, int paused, List<Migration> migrations,
                             int edited, int rejected, Instant limitedUntil) {
    public DeliveryReport {
        migrations = List.copyOf(migrations);
    }

    /** A report in which no target was held back by a rate limit. */
    public DeliveryReport(int sent, int merged, int retried, int paused, List<Migration> migrations, int edited,
                          int rejected) {
        this(sent, merged, retried, paused, migrations, edited, rejected, null);
    }

    /** A report without edits. */
    public DeliveryReport(int sent, int merged, int retried, int paused, List<Migration> migrations) {
        this(sent, merged, retried, paused, migrations, 0, 0);
    }

    /**
     * A chat that now lives under another id.
     *
     * @param target    the target whose send reported it
     * @param newChatId the platform's new chat id
     */
    public record Migration(Target target, String newChatId) {
    }
}
