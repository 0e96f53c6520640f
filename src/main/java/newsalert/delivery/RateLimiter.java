package newsalert.delivery;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import newsalert.subscription.Target;

/**
 * Token buckets for one platform's {@link RateLimits}, kept as "theoretical arrival times" (the generic cell
 * rate algorithm): each bucket remembers when it would be empty again; a message is allowed at {@code t}
 * when {@code t >= tat - (burst - 1) × interval}, and taking it moves {@code tat} to
 * {@code max(tat, t) + interval}. Nothing sleeps: callers ask {@link #nextAllowed(Target)} and come back.
 * Time comes from the injected {@link Clock}. Not thread-safe; one worker owns it.
 *
 * <p>Per-chat and per-group state is kept in Caffeine caches that forget a chat not asked about for
 * {@link #IDLE} (issue 19: a bot in thousands of chats must not keep every chat it ever sent to); a forgotten
 * chat's buckets were full again long before, so forgetting changes no decision. The caches' ticker is the
 * injected clock, and their upkeep runs on the calling thread. The overall limit may be
 * {@linkplain #shareOverall shared} among instances.
 */
public final class RateLimiter {
    private final RateLimits limits;
    private final Clock clock;
    /** How long a chat's state is kept after it was last asked about. */
    public static final Duration IDLE = Duration.ofHours(1);
    private final Cache<String, Instant> chatTat;
    private final Cache<String, Instant> groupTat;
    private Instant overallTat = Instant.MIN;
    /** How many instances share the overall limit (issue 14); set from another thread. */
    private volatile int sharedBy = 1;

    /**
     * @param limits the platform's limits
     * @param clock  the time source of the buckets and of forgetting idle chats
     */
    public RateLimiter(RateLimits limits, Clock clock) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.chatTat = idleCache(clock);
        this.groupTat = idleCache(clock);
    }

    private static Cache<String, Instant> idleCache(Clock clock) {
        Ticker ticker = () -> TimeUnit.MILLISECONDS.toNanos(clock.millis());
        return Caffeine.newBuilder().expireAfterAccess(IDLE).ticker(ticker).executor(Runnable::run).build();
    }

    /** @return how many chats have rate-limit state now (after forgetting those idle for {@link #IDLE}) */
    public long trackedChats() {
        chatTat.cleanUp();
        return chatTat.estimatedSize();
    }

    /**
     * Shares the platform's overall limit with other instances that send for the same bot (several {@code run}
     * processes on one database): this limiter then keeps to {@code 1 / instances} of it
     * ({@link RateLimits.Rate#sharedBy}), so that together they keep to the whole. Per-chat and group limits are
     * not divided: each chat is served by one instance at a time. May be called from any thread; the next
     * {@link #tryAcquire} uses the new share.
     *
     * @param instances how many instances send now, counting this one; 1 (or less) takes the whole limit
     */
    public void shareOverall(int instances) {
        sharedBy = Math.max(1, instances);
    }

    /** @return the earliest time at which a message to the target fits every limit; now or later */
    public Instant nextAllowed(Target target) {
        Instant now = clock.instant();
        Instant next = now;
        for (Bucket b : buckets(target)) {
            Instant at = b.allowedFrom();
            if (at.isAfter(next)) {
                next = at;
            }
        }
        return next;
    }

    /**
     * Takes one message from every bucket of the target when all allow it now; otherwise takes nothing.
     *
     * @return whether a message may be sent now
     */
    public boolean tryAcquire(Target target) {
        Instant now = clock.instant();
        List<Bucket> buckets = buckets(target);
        for (Bucket b : buckets) {
            if (b.allowedFrom().isAfter(now)) {
                return false;
            }
        }
        for (Bucket b : buckets) {
            Instant tat = b.tat.isAfter(now) ? b.tat : now;
            b.store(tat.plus(b.rate.interval()));
        }
        return true;
    }

    private List<Bucket> buckets(Target target) {
        List<Bucket> list = new ArrayList<>(3);
        String chat = target.chatId();
        list.add(new Bucket(limits.perChat(), known(chatTat, chat), t -> chatTat.put(chat, t)));
        if (limits.perGroupChat() != null && RateLimits.isGroupChat(target)) {
            list.add(new Bucket(limits.perGroupChat(), known(groupTat, chat), t -> groupTat.put(chat, t)));
        }
        if (limits.overall() != null) {
            list.add(new Bucket(limits.overall().sharedBy(sharedBy), overallTat, t -> overallTat = t));
        }
        return list;
    }

    private static Instant known(Cache<String, Instant> tats, String chat) {
        Instant tat = tats.getIfPresent(chat);
        return tat == null ? Instant.MIN : tat;
    }

    private record Bucket(RateLimits.Rate rate, Instant tat, java.util.function.Consumer<Instant> sink) {
        Instant allowedFrom() {
            if (tat.equals(Instant.MIN)) {
                return Instant.MIN;
            }
            Duration tolerance = rate.interval().multipliedBy(rate.burst() - 1L);
            return tat.minus(tolerance);
        }

        void store(Instant newTat) {
            sink.accept(newTat);
        }
    }
}
