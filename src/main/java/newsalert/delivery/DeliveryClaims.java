package newsalert.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import newsalert.store.ChatClaim;
import newsalert.store.SubscriptionStore;
import newsalert.subscription.Platform;
import newsalert.subscription.Target;

/**
 * The chats one instance may deliver to (issue 14 item 4: several instances on one database share the outbox,
 * each chat served by one of them at a time, its rows in id order). Each delivery round {@linkplain #claim claims}
 * the chats with pending rows that nobody else holds (and renews its own) in the store
 * ({@link SubscriptionStore#claimChats}); a {@linkplain #renew renewal} every {@link #RENEW_EVERY} (on its own
 * thread, so a send that hangs does not let the claims lapse) keeps them while this instance lives; {@link #release}
 * gives them up when it stops. An instance killed with SIGKILL stops renewing: its chats lapse after {@link #TTL} and
 * another instance's next round takes them, so they are delivered again within TTL plus one round.
 *
 * <p>This side also remembers until when each of its claims runs, and {@link #holds} says no once that moment is
 * near (within {@link #MARGIN}), so an instance that could not renew in time (a stalled process, a store it could
 * not reach) stops sending to a chat before another may take it. Thread-safe: rounds of different platforms may
 * claim at once. Times are the clock's; instances on different hosts need clocks that agree within a second or so.
 */
public final class DeliveryClaims {
    /** How long a claim holds without renewal: another instance takes the chat once it has lapsed. */
    public static final Duration TTL = Duration.ofSeconds(20);
    /** How often {@code run} renews its claims. */
    public static final Duration RENEW_EVERY = Duration.ofSeconds(5);
    /** A claim this close to its end counts as gone: a send is not started on it. */
    static final Duration MARGIN = Duration.ofSeconds(3);
    /** Most chats claimed in one round. */
    static final int MOST_CHATS = 10_000;

    private final SubscriptionStore store;
    private final String owner;
    private final Clock clock;
    /** The chats held, each with the moment its claim lapses. */
    private final Map<ChatClaim, Instant> held = new ConcurrentHashMap<>();

    /**
     * @param store the outbox's store
     * @param owner this instance's id in the claims, unique per running instance
     * @param clock the time source of the claims (the same as the delivery's)
     */
    public DeliveryClaims(SubscriptionStore store, String owner, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @return this instance's id in the claims */
    public String owner() {
        return owner;
    }

    /**
     * Claims (or renews) the chats with pending rows that this instance may deliver to now.
     *
     * @param only the platform whose chats to claim, or {@code null} for all
     * @return the chats held now with pending rows
     * @throws newsalert.store.StoreException when the store cannot be reached (the claims held run out on their own)
     */
    public Set<ChatClaim> claim(Platform only, Instant now) {
        List<ChatClaim> got;
        held.entrySet().removeIf(e -> !e.getValue().isAfter(now)); // lapsed: maybe another instance's by now
        got = store.claimChats(owner, only, now, TTL, MOST_CHATS);
        Instant until = now.plus(TTL);
        for (ChatClaim c : got) {
            held.put(c, until);
        }
        return new HashSet<>(got);
    }

    /**
     * Renews every claim of this instance that has not lapsed (in the store, and here); forgets lapsed ones.
     * A failure (store unreachable) is thrown and changes nothing: the claims then run out on their own.
     */
    public void renew() {
        Instant now = clock.instant();
        held.values().removeIf(until -> !until.isAfter(now));
        store.renewChatClaims(owner, now, TTL);
        Instant until = now.plus(TTL);
        held.replaceAll((c, old) -> old.isAfter(now) ? until : old);
    }

    /**
     * @return whether this instance may start a send to the target's chat now: it holds the chat's claim, and the
     *         claim runs for more than {@link #MARGIN} yet
     */
    public boolean holds(Target target) {
        Instant until = held.get(ChatClaim.of(target));
        return until != null && clock.instant().plus(MARGIN).isBefore(until);
    }

    /** Gives up every claim of this instance, so other instances take its chats in their next round. */
    public void release() {
        held.clear();
        store.releaseChatClaims(owner);
    }
}
