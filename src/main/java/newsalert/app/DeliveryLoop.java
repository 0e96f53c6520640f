package newsalert.app;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import newsalert.delivery.DeliveryReport;
import newsalert.delivery.DeliveryWorker;
import newsalert.store.SubscriptionStore;
import newsalert.subscription.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link DeliveryWorker} on background threads, one per platform, every {@code period} (1 s in
 * {@code run}), on its
 * own schedule whatever the poll cycle is doing (an alert stored mid-cycle goes out in the next round: the
 * console's, whose rows every global alert gets, as well as the chats'), and
 * applies the chat migrations it reports with {@link SubscriptionStore#moveChat}. A failing round (e.g. the
 * database is locked) is logged and the next round tries again; nothing is lost because the outbox is the
 * state. One loop per store: a platform's rounds never overlap (a lock per platform), different platforms' rounds
 * may. Between ticks, {@link #wake} asks for a round of every platform at once (the poller does after a feed read
 * queued outbox rows), so an alert does not wait for the next tick.
 *
 * <p>One deliverer per database: each round first takes or renews the {@value #LEASE} lease for
 * {@link #LEASE_TTL}, so a second instance started on the same database waits instead of sending every alert
 * a second time. It takes over when the first stops (the lease is released on close), when the first's lease
 * runs out, or at once when the holder was a process on this host that no longer exists (killed). The
 * {@linkplain #onTakeOver take-over hook} then runs once, on the delivery thread ({@code run} uses it to
 * start the command bots the waiting instance had left to the first).
 */
final class DeliveryLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryLoop.class);
    static final String LEASE = "delivery";
    static final Duration LEASE_TTL = Duration.ofSeconds(20);

    private final DeliveryWorker worker;
    private final SubscriptionStore store;
    private final Clock clock;
    private final String owner;
    private boolean waitingLogged;
    private Runnable takeOver = () -> { };
    private boolean tookOver;
    private final ScheduledExecutorService executor;
    private volatile boolean started;
    /**
     * Per platform ("all" when the worker has none): whether a round asked for by {@link #wake} is waiting to run;
     * wakes before it starts make no second one.
     */
    private final java.util.Map<Object, AtomicBoolean> wakes = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<Platform, ReentrantLock> platformLocks = new java.util.concurrent.ConcurrentHashMap<>();

    DeliveryLoop(DeliveryWorker worker, SubscriptionStore store, Clock clock) {
        this(worker, store, clock, InstanceId.current());
    }

    /** @param owner this process's name in the lease, as {@link InstanceId} makes it */
    DeliveryLoop(DeliveryWorker worker, SubscriptionStore store, Clock clock, String owner) {
        this(worker, store, clock, owner, Executors.newScheduledThreadPool(Math.max(1, worker.platforms().size()),
                new java.util.concurrent.ThreadFactory() {
                    private final java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();

                    @Override
                    public Thread newThread(Runnable r) {
                        Thread t = new Thread(r, "newsalert-delivery-" + n.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    }
                }));
    }

    /**
     * @param executor runs the rounds once {@link #start started}, apart from the poll loop's thread (tests pass
     *                 one they drive by hand); the loop owns it and shuts it down on {@link #close}
     */
    DeliveryLoop(DeliveryWorker worker, SubscriptionStore store, Clock clock, String owner,
                 ScheduledExecutorService executor) {
        this.worker = worker;
        this.store = store;
        this.clock = clock;
        this.owner = owner;
        this.executor = executor;
    }

    /**
     * Sets what to do, once, when this instance gets the lease after having waited for another holder.
     *
     * @param hook runs on the delivery thread before that round's deliveries; an exception it throws is logged
     * @return this
     */
    DeliveryLoop onTakeOver(Runnable hook) {
        this.takeOver = hook;
        return this;
    }

    /**
     * Starts the rounds, one series per platform of the worker on its own thread (issue 19: a send that hangs
     * waiting for one platform's answer, up to its client's timeout, holds only that platform's chats, never
     * another platform's); the first rounds run at once.
     */
    void start(Duration period) {
        if (worker.platforms().isEmpty()) {
            executor.scheduleWithFixedDelay(this::round, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        } else {
            for (Platform p : worker.platforms()) {
                executor.scheduleWithFixedDelay(() -> round(p), 0, period.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
        started = true;
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
                round(only);
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
     * run at the same time; the lease and the take-over hook are handled under this loop's lock.
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
            if (!holdsLease()) {
                return new DeliveryReport(0, 0, 0, 0, List.of());
            }
            DeliveryReport r = worker.deliverDue(clock.instant(), only);
            for (DeliveryReport.Migration m : r.migrations()) {
                int moved = store.moveChat(m.target().platform(), m.target().chatId(), m.newChatId());
                LOG.info("{} chat {} moved to {}: {} subscription(s) follow it", m.target().platform().wireName(),
                        m.target().chatId(), m.newChatId(), moved);
            }
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

    /** Takes or renews the lease; on the first success after waiting, runs the take-over hook once. */
    private synchronized boolean holdsLease() {
        if (!store.acquireLease(LEASE, owner, clock.instant(), LEASE_TTL, InstanceId::isGone)) {
            if (!waitingLogged) {
                LOG.warn("another newsalert instance ({}) is delivering from this database; this one waits and"
                        + " takes over when it stops", store.leaseHolder(LEASE).orElse("?"));
                waitingLogged = true;
            }
            return false;
        }
        if (waitingLogged) {
            LOG.info("this instance now delivers the outbox");
            waitingLogged = false;
            if (!tookOver) {
                tookOver = true;
                runTakeOver();
            }
        }
        return true;
    }

    private void runTakeOver() {
        try {
            takeOver.run();
        } catch (RuntimeException e) {
            LOG.warn("after taking over the delivery: {}", e.getMessage());
        }
    }

    /** Stops the rounds, letting one in progress finish (up to 10 s), and releases the lease. */
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
        try {
            store.releaseLease(LEASE, owner);
        } catch (RuntimeException e) {
            LOG.debug("could not release the delivery lease: {}", e.toString());
        }
    }
}
