package newsalert.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import newsalert.subscription.Platform;

/**
 * What {@code newsalert status} shows, read from the store in one go.
 *
 * @param feeds          every polled feed's state, most failures first (then longest failing, then URL)
 * @param outbox         pending outbox rows per platform that has any
 * @param subscriptions  subscriptions per platform that has any
 * @param alertsLastHour stories alerted (globally or to a chat) in the hour before the read
 * @param alertsLastDay  the same in the 24 hours before the read
 * @param instances      the {@code run} processes live on this store at the read (their presence lease runs past
 *                       it), by id
 */
public record StoreStatus(List<Feed> feeds, Map<Platform, Backlog> outbox, Map<Platform, Subscribers> subscriptions,
                          int alertsLastHour, int alertsLastDay, List<Instance> instances) {
    public StoreStatus {
        feeds = List.copyOf(feeds);
        outbox = Map.copyOf(outbox);
        subscriptions = Map.copyOf(subscriptions);
        instances = List.copyOf(instances);
    }

    /** A status with no live instance listed. */
    public StoreStatus(List<Feed> feeds, Map<Platform, Backlog> outbox, Map<Platform, Subscribers> subscriptions,
                       int alertsLastHour, int alertsLastDay) {
        this(feeds, outbox, subscriptions, alertsLastHour, alertsLastDay, List.of());
    }

    /**
     * One live {@code run} process on the store (issue 14: several instances share one database).
     *
     * @param id           the instance's id ({@code host/pid/nonce})
     * @param liveUntil    when its presence lease lapses unless renewed (every 5 s while it runs)
     * @param leases       the other leases it holds now, by name, sorted (e.g. {@code telegram-updates}: it answers
     *                     Telegram's commands; {@code discord-commands}; {@code poll})
     * @param chatsClaimed chats it delivers to now (its live delivery claims)
     */
    public record Instance(String id, Instant liveUntil, List<String> leases, int chatsClaimed) {
        /** The name prefix of the presence lease each running instance renews (the rest is a hash of its id). */
        public static final String PRESENCE_LEASE = "instance:";

        public Instance {
            leases = List.copyOf(leases);
        }
    }

    /**
     * One feed's state.
     *
     * @param url          the feed
     * @param failures     failed reads in a row (0 when it reads fine)
     * @param lastError    the last failure's reason, or {@code null}
     * @param failingSince when this run of failures began, or {@code null} (not failing, or failing since before
     *                     the store recorded it)
     * @param lastPollAt   the last try, or {@code null}
     * @param nextPollAt   the next try, or {@code null} (at once)
     */
    public record Feed(String url, int failures, String lastError, Instant failingSince, Instant lastPollAt,
                       Instant nextPollAt) {
    }

    /**
     * @param pending rows waiting
     * @param oldest  the oldest waiting row's creation time
     * @param unknown of those, rows whose last attempt got no answer ({@code outbox.last_outcome = 'unknown'}):
     *                the platform may have posted them, and they are sent again identically
     */
    public record Backlog(long pending, Instant oldest, long unknown) {
        /** A backlog with no row of unknown outcome. */
        public Backlog(long pending, Instant oldest) {
            this(pending, oldest, 0);
        }
    }

    /**
     * @param total  subscriptions (chat or topic targets)
     * @param paused of those, paused after a permanent error
     */
    public record Subscribers(int total, int paused) {
    }
}
