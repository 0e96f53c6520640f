package newsalert.app;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import newsalert.delivery.DeliveryClaims;
import newsalert.delivery.DeliveryReport;
import newsalert.delivery.DeliveryWorker;
import newsalert.store.SubscriptionStore;
import newsalert.subscription.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link DeliveryWorker} on background threads, one per platform (whose round hands its targets' sends to
 * the platform's sender pool, {@link DeliveryWorker#sendingOn}), every {@code period} (1 s in
 * {@code run}), on its
 * own schedule whatever the poll cycle is doing (an alert stored mid-cycle goes out in the next round: the
 * console's, whose rows every global alert gets, as well as the chats'), and
 * applies the chat migrations it reports with {@link SubscriptionStore#moveChat}. A failing round (e.g. the
 * database is locked) is logged and the next round tries again; nothing is lost because the outbox is the
 * state. One loop per store: a platform's rounds never overlap (a lock per platform), different platforms' rounds
 * may. Between ticks, {@link #wake} asks for a round of every platform at once (the poller does after a feed read
 * queued outbox rows), so an alert does not wait for the next tick.
 *
 * <p>Several instances on one database (issue 14): a loop made with an owner id delivers through a
 * {@linkplain DeliveryWorker#sharing sharing} worker, so each round claims the chats this instance serves
 * ({@link DeliveryClaims}); every {@link DeliveryClaims#RENEW_EVERY} a task on its own thread renews them (a send
 * that hangs on a platform thread does not let them lapse), and {@link #close} releases them, so another instance
 * takes them in its next round. An instance that dies without closing loses its chats after
 * {@link DeliveryClaims#TTL}. There is no leader: every instance delivers, each to its own chats.
 */
final class DeliveryLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryLoop.class);

    private final DeliveryWorker worker;
    private final SubscriptionStore store;
    private final Clock clock;
    /** This instance's chat claims; {@code null} for a loop that serves every chat (tests, one instance). */
    private final DeliveryClaims claims;
    private final ScheduledExecutorService executor;
    /** Per platform, its sender pool (platforms that send one target after the other have none). */
    private final java.util.Map<Platform, ExecutorService> senders;
    private volatile boolean started;
    /**
     * How long a round waits for its sends before the next may start (real time): a send still on its way then holds
     * only its own chat, which later rounds skip until it ends (issue 19, tester19c: one hung send held every chat).
     */
    static final Duration ROUND_WAIT = Duration.ofSeconds(2);
    /** The rounds' period once {@link #start started}. */
    private volatile Duration period;
    /** The shortest wait before a round asked for by a rate limit ({@link #roundWhenAllowed}), against spinning. */
    static final Duration MIN_LIMIT_WAIT = Duration.ofMillis(10);
    /**
     * Per platform ("all" when the worker has none): whether a round asked for by {@link #wake} is waiting to run;
     * wakes before it starts make no second one.
     */
    private final java.util.Map<Object, AtomicBoolean> wakes = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<Platform, ReentrantLock> platformLocks = new java.util.concurrent.ConcurrentHashMap<>();

    /** A loop that serves every chat with pending rows: the only deliverer on its store. */
    DeliveryLoop(DeliveryWorker worker, SubscriptionStore store, Clock clock) {
        this(worker, store, clock, null);
    }

    /**
     * A loop that shares the outbox with other instances: it delivers only to the chats it claims. Each platform
     * whose adapter allows several sends at once ({@link DeliveryWorker#concurrentSends}) gets a pool of
     * {@link #SENDER_THREADS_PER_SEND} times that many sender threads, of which that many send at once (issue 19:
     * ~50 ms per send one after the other stays under Telegram's 30/s; the spare threads serve other chats while
     * sends hang).
     *
     * @param owner this instance's id in the claims, unique per running instance ({@link InstanceId#create}), or
     *              {@code null} to serve every chat without claims
     */
    DeliveryLoop(DeliveryWorker worker, SubscriptionStore store, Clock clock, String owner) {
        this(worker, store, clock, owner, executor(worker), senderPools(worker));
    }

    /**
     * @param owner    this instance's id in the claims, or {@code null} to serve every chat without claims
     * @param executor runs the rounds (and the claims' renewal) once {@link #start started}, apart from the poll
     *                 loop's thread (tests pass one they drive by hand); the loop owns it and shuts it down on
     *                 {@link #close}
     */
    DeliveryLoop(DeliveryWorker worker, SubscriptionStore store, Clock clock, String owner,
                 ScheduledExecutorService executor) {
        this(worker, store, clock, owner, executor, java.util.Map.of());
    }

    /**
     * @param senders per platform, the pool its targets' sends run on within a round ({@link DeliveryWorker#sendingOn});
     *                a platform without one sends one target after the other on the round's thread. The loop owns
     *                the pools and shuts them down on {@link #close}
     */
    DeliveryLoop(DeliveryWorker worker, SubscriptionStore store, Clock clock, String owner,
                 ScheduledExecutorService executor, java.util.Map<Platform, ExecutorService> senders) {
        this.claims = owner == null ? null : new DeliveryClaims(store, owner, clock);
        this.senders = java.util.Map.copyOf(senders);
        DeliveryWorker sending = this.senders.isEmpty() ? worker : worker.sendingOn(p -> {
            ExecutorService pool = this.senders.get(p);
            return pool == null ? Runnable::run : pool;
        }, ROUND_WAIT);
        this.worker = claims == null ? sending : sending.sharing(claims);
        this.store = store;
        this.clock = clock;
        this.executor = executor;
    }

    /**
     * Threads per send allowed at once in a platform's sender pool: the worker lets {@code concurrentSends} of them
     * send at once and frees the permit of a send that hangs ({@link DeliveryWorker#sendingOn(java.util.function.Function,
     * Duration)}), so up to {@code (SENDER_THREADS_PER_SEND - 1) * concurrentSends} sends may hang for their answer
     * (12 for Telegram and Discord) before the platform's other chats wait for a thread.
     */
    static final int SENDER_THREADS_PER_SEND = 4;

    /** One fixed pool of daemon threads per platform that allows more than one send at once. */
    private static java.util.Map<Platform, ExecutorService> senderPools(DeliveryWorker worker) {
        java.util.Map<Platform, ExecutorService> pools = new java.util.EnumMap<>(Platform.class);
        for (Platform p : worker.platforms()) {
            int n = worker.concurrentSends(p);
            if (n > 1) {
                java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();
                pools.put(p, Executors.newFixedThreadPool(n * SENDER_THREADS_PER_SEND, r -> {
                    Thread t = new Thread(r, "newsalert-send-" + p.wireName() + "-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }));
            }
        }
        return pools;
    }

    /** One thread per platform, and one for the claims' renewal. */
    private static ScheduledExecutorService executor(DeliveryWorker worker) {
        return Executors.newScheduledThreadPool(worker.platforms().size() + 1,
                new java.util.concurrent.ThreadFactory() {
                    private final java.util.concurrent.atomic.AtomicInteger n =
                            new java.util.concurrent.atomic.AtomicInteger();

                    @Override
                    public Thread newThread(Runnable r) {
                        Thread t = new Thread(r, "newsalert-delivery-" + n.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    }
                });
    }

    /**
     * Starts the rounds, one series per platform of the worker on its own thread (issue 19: a send that hangs
     * waiting for one platform's answer, up to its client's timeout, holds only that platform's chats, never
     * another platform's); the first rounds run at once.
     */
    void start(Duration period) {
        this.period = period;
        if (worker.platforms().isEmpty()) {
            executor.scheduleWithFixedDelay(() -> surviving(null, () -> round(null)), 0, period.toMillis(),
                    TimeUnit.MILLISECONDS);
        } else {
            for (Platform p : worker.platforms()) {
                executor.scheduleWithFixedDelay(() -> surviving(p, () -> round(p)), 0, period.toMillis(),
                        TimeUnit.MILLISECONDS);
            }
        }
        if (claims != null) {
            long renew = DeliveryClaims.RENEW_EVERY.toMillis();
            executor.scheduleWithFixedDelay(() -> surviving(null, this::renewClaims), renew, renew,
                    TimeUnit.MILLISECONDS);
        }
        started = true;
    }

    /**
     * Runs one scheduled task of the loop so that nothing it throws ends its series: a
     * {@link ScheduledExecutorService} silently cancels a periodic task whose run throws, and a platform's rows
     * would then wait, unlogged, until a restart (issue 19: a round's {@link Error}, e.g. a class that failed to
     * load in a platform's client, is not a {@link RuntimeException}). What is thrown is logged with its stack
     * trace and the next tick runs as usual.
     *
     * @param platform the platform whose round it is, {@code null} for every platform or the claims' renewal
     */
    static void surviving(Platform platform, Runnable task) {
        try {
            task.run();
        } catch (Throwable e) { // NOPMD: the series must outlive anything its task throws
            LOG.error("delivery task{} stopped by {}; the next round tries again", platform == null ? ""
                    : " of " + platform.wireName(), e.toString(), e);
        }
    }

    /**
     * Renews this instance's chat claims now ({@link DeliveryClaims#renew}); a failure is logged and the claims
     * then run out on their own. Does nothing for a loop without claims.
     */
    void renewClaims() {
        if (claims == null) {
            return;
        }
        try {
            claims.renew();
        } catch (RuntimeException e) {
            LOG.warn("could not renew this instance's delivery claims ({}); its chats pass to another instance if"
                    + " this goes on for {} s", e.getMessage(), DeliveryClaims.TTL.toSeconds());
        }
    }

    /**
     * Shares the platforms' overall rate limits among this many instances ({@link DeliveryWorker#shareOverallLimits});
     * thread-safe.
     *
     * @param instances how many instances deliver on this database now, counting this one
     */
    void shareOverallLimits(int instances) {
        worker.shareOverallLimits(instances);
    }

    /**
     * Asks for a round as soon as the loop's thread is free, without waiting for the next tick; returns at once.
     * Wakes that come before the asked-for round starts are one round; a wake during a round asks for another after
     * it (the rows may have been queued after that round looked). Does nothing before {@link #start} or after
     * {@link #close}. Thread-safe.
     */
    void wake() {
        if (!started) {
            return;
        }
        Set<Platform> platforms = worker.platforms();
        if (platforms.isEmpty()) {
            wakeOne(null);
        } else {
            platforms.forEach(this::wakeOne);
        }
    }

    private void wakeOne(Platform only) {
        AtomicBoolean pending = wakes.computeIfAbsent(only == null ? "all" : only, k -> new AtomicBoolean());
        if (!pending.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(() -> {
                pending.set(false);
                surviving(only, () -> round(only));
            });
        } catch (RejectedExecutionException closing) {
            pending.set(false);
        }
    }

    /**
     * Runs one round now on the caller's thread, every platform one after the other (for {@code run --once},
     * after polling).
     *
     * @return what the worker did
     */
    DeliveryReport round() {
        return round(null);
    }

    /**
     * Runs one round for one platform's targets ({@code null}: all platforms). Rounds of different platforms may
     * run at the same time.
     */
    DeliveryReport round(Platform only) {
        List<ReentrantLock> locks = locksFor(only);
        locks.forEach(ReentrantLock::lock); // a wake's round and a tick's round of one platform never overlap
        try {
            return roundLocked(only);
        } finally {
            for (int i = locks.size() - 1; i >= 0; i--) {
                locks.get(i).unlock();
            }
        }
    }

    /** @return the lock of one platform, or of every platform in {@link Platform} order for {@code null} */
    private List<ReentrantLock> locksFor(Platform only) {
        if (only != null) {
            return List.of(platformLocks.computeIfAbsent(only, p -> new ReentrantLock()));
        }
        List<ReentrantLock> all = new java.util.ArrayList<>();
        for (Platform p : new java.util.TreeSet<>(worker.platforms())) {
            all.add(platformLocks.computeIfAbsent(p, k -> new ReentrantLock()));
        }
        return all;
    }

    private DeliveryReport roundLocked(Platform only) {
        try {
            DeliveryReport r = worker.deliverDue(clock.instant(), only);
            for (DeliveryReport.Migration m : r.migrations()) {
                int moved = store.moveChat(m.target().platform(), m.target().chatId(), m.newChatId());
                LOG.info("{} chat {} moved to {}: {} subscription(s) follow it", m.target().platform().wireName(),
                        m.target().chatId(), m.newChatId(), moved);
            }
            roundWhenAllowed(only, r.limitedUntil());
            if (r.sent() + r.edited() + r.retried() + r.paused() + r.rejected() > 0) {
                LOG.info("delivery: {} sent ({} alerts merged into digests), {} edited, {} to retry, {} target(s)"
                        + " paused, {} rejected by the platform", r.sent(), r.merged(), r.edited(), r.retried(),
                        r.paused(), r.rejected());
            }
            return r;
        } catch (RuntimeException e) {
            LOG.warn("delivery round failed, the next round retries: {}", e.toString());
            return new DeliveryReport(0, 0, 0, 0, List.of());
        }
    }

    /**
     * Asks for a round at the moment a rate limit that held targets back opens again, when that comes before the next
     * tick (issue 19: Telegram's overall window opens one second after a burst of 30; waiting for the tick after a
     * round that ended early would leave it unused for most of a second). Wakes made meanwhile merge with it as
     * usual ({@link #wake}). Does nothing before {@link #start} (e.g. {@code run --once}) or when nothing was held.
     *
     * @param limitedUntil the report's {@link DeliveryReport#limitedUntil()}
     */
    private void roundWhenAllowed(Platform only, java.time.Instant limitedUntil) {
        Duration tick = period;
        if (!started || limitedUntil == null || tick == null) {
            return;
        }
        Duration wait = Duration.between(clock.instant(), limitedUntil);
        if (wait.compareTo(tick) > 0) {
            return; // the next tick (a period after this round ends) comes first
        }
        if (wait.compareTo(MIN_LIMIT_WAIT) < 0) {
            wait = MIN_LIMIT_WAIT;
        }
        try {
            executor.schedule(() -> wakeOne(only), wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            // the loop is closing
        }
    }

    /**
     * Stops the rounds, letting one in progress finish (up to 10 s), stops the sender threads, and releases this instance's chat claims, so
     * other instances deliver to those chats in their next round.
     */
    @Override
    public void close() {
        started = false;
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        // sends still on their way (a round no longer waits for a slow one) get a moment to end and be marked
        senders.values().forEach(ExecutorService::shutdown);
        for (ExecutorService pool : senders.values()) {
            try {
                if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                    pool.shutdownNow();
                }
            } catch (InterruptedException e) {
                pool.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        if (claims != null) {
            try {
                claims.release();
            } catch (RuntimeException e) {
                LOG.debug("could not release the delivery claims (they lapse on their own): {}", e.toString());
            }
        }
    }
}
