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
 * {@code max(tat, t) + interval}. The overall limit also keeps a sliding window: never more than its count in any
 * one period (a bucket alone lets a full burst plus a period's steady flow through in one period). Nothing sleeps: callers ask {@link #nextAllowed(Target)} and come back.
 * Time comes from the injected {@link Clock}. Thread-safe: a worker's parallel senders (issue 19) share one limiter
 * per platform, and each decision ({@link #tryAcquire}) is atomic, so together they never pass a limit.
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
    /** Guarded by {@code this}. */
    private Instant overallTat = Instant.MIN;
    /**
     * The times of the latest messages taken under the overall limit, oldest first, at most its count (guarded by
     * {@code this}): the sliding window that keeps any one period within the count ({@link #overallWindowFrom}).
     */
    private final java.util.ArrayDeque<Instant> overallSends = new java.util.ArrayDeque<>();
    /** How many instances share the overall limit (issue 14); set from another thread. */
    private volatile int sharedBy = 1;
    /** How many sends may be on their way at once ({@link #reserveForInFlight}); 0: the window counts starts only. */
    private volatile int inFlight;

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
    public synchronized long trackedChats() {
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

    /**
     * Keeps the overall limit at the platform's end when up to {@code sends} messages are on their way at once
     * (issue 19, tester19c): the window counts when sends start, and sends started just before a second can arrive
     * inside it, so 4 parallel senders put up to 34 into one second at Telegram. With this reserve the window
     * allows {@code count / instances - sends} starts per period (at least 1): those plus the {@code sends} still on
     * their way never exceed the count on arrival. Telegram with 4 senders: 26 a second.
     *
     * @param sends the most sends of this platform that may wait for an answer at once (0 or less: none reserved)
     */
    public void reserveForInFlight(int sends) {
        inFlight = Math.max(0, sends);
    }

    /** @return the earliest time at which a message to the target fits every limit; now or later */
    public synchronized Instant nextAllowed(Target target) {
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
     * @return whether {@link #tryAcquire} would allow a message to the target now (by this limiter's clock), taking
     *         nothing; another thread may take the last one before the caller does
     */
    public synchronized boolean allowsNow(Target target) {
        Instant now = clock.instant();
        for (Bucket b : buckets(target)) {
            if (b.allowedFrom().isAfter(now)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Takes one message from every bucket of the target when all allow it now; otherwise takes nothing.
     *
     * @return whether a message may be sent now
     */
    public synchronized boolean tryAcquire(Target target) {
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
        if (limits.overall() != null) {
            overallSends.addLast(now);
            while (overallSends.size() > limits.overall().count()) {
                overallSends.removeFirst();
            }
        }
        return true;
    }

    /**
     * The overall limit's sliding window (issue 19): the token bucket alone lets a full burst and then a period's
     * worth at the steady rate through within one period after a quiet spell (Telegram: up to 59 in one second, seen
     * once several sends ran at once); the window keeps every period within the count, or within this instance's
     * share of it ({@code count / instances}, at least 1) when the limit is {@linkplain #shareOverall shared}, less
     * the sends that may be on their way ({@link #reserveForInFlight}).
     *
     * @return when the window next allows a message: {@link Instant#MIN} while fewer than the count were taken in
     *         the period, else one period after the message that would fall out of it
     */
    private Instant overallWindowFrom() {
        RateLimits.Rate overall = limits.overall();
        int allowed = Math.max(1, overall.count() / sharedBy - inFlight);
        if (overallSends.size() < allowed) {
            return Instant.MIN;
        }
        java.util.Iterator<Instant> newestFirst = overallSends.descendingIterator();
        Instant oldestCounted = null;
        for (int i = 0; i < allowed; i++) {
            oldestCounted = newestFirst.next();
        }
        return oldestCounted.plus(overall.period());
    }

    private List<Bucket> buckets(Target target) {
        List<Bucket> list = new ArrayList<>(3);
        String chat = target.chatId();
        list.add(new Bucket(limits.perChat(), known(chatTat, chat), t -> chatTat.put(chat, t), Instant.MIN));
        if (limits.perGroupChat() != null && RateLimits.isGroupChat(target)) {
            list.add(new Bucket(limits.perGroupChat(), known(groupTat, chat), t -> groupTat.put(chat, t),
                    Instant.MIN));
        }
        if (limits.overall() != null) {
            list.add(new Bucket(limits.overall().sharedBy(sharedBy), overallTat, t -> overallTat = t,
                    overallWindowFrom()));
        }
        return list;
    }

    private static Instant known(Cache<String, Instant> tats, String chat) {
        Instant tat = tats.getIfPresent(chat);
        return tat == null ? Instant.MIN : tat;
    }

    /** One limit's token bucket; {@code windowFrom}: when its sliding window allows ({@link Instant#MIN}: none). */
    private record Bucket(RateLimits.Rate rate, Instant tat, java.util.function.Consumer<Instant> sink,
                          Instant windowFrom) {
        Instant allowedFrom() {
            if (tat.equals(Instant.MIN)) {
                return windowFrom;
            }
            Duration tolerance = rate.interval().multipliedBy(rate.burst() - 1L);
            Instant bucket = tat.minus(tolerance);
            return windowFrom.isAfter(bucket) ? windowFrom : bucket;
        }

        void store(Instant newTat) {
            sink.accept(newTat);
        }
    }
}
