package newsalert.app;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import newsalert.delivery.DeliveryReport;
import newsalert.delivery.DeliveryWorker;
import newsalert.store.SubscriptionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link DeliveryWorker} on one background thread, every {@code period} (1 s in {@code run}), on its
 * own schedule whatever the poll cycle is doing (an alert stored mid-cycle goes out in the next round: the
 * console's, whose rows every global alert gets, as well as the chats'), and
 * applies the chat migrations it reports with {@link SubscriptionStore#moveChat}. A failing round (e.g. the
 * database is locked) is logged and the next round tries again; nothing is lost because the outbox is the
 * state. One loop per store (the worker is not thread-safe). Between ticks, {@link #wake} asks for a round at once
 * (the poller does after a feed read queued outbox rows), so an alert does not wait for the next tick.
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
    /** Whether a round asked for by {@link #wake} is waiting to run: wakes before it starts make no second one. */
    private final AtomicBoolean wakePending = new AtomicBoolean();

    DeliveryLoop(DeliveryWorker worker, SubscriptionStore store, Clock clock) {
        this(worker, store, clock, InstanceId.current());
    }

    /** @param owner this process's name in the lease, as {@link InstanceId} makes it */
    DeliveryLoop(DeliveryWorker worker, SubscriptionStore store, Clock clock, String owner) {
        this(worker, store, clock, owner, Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "newsalert-delivery");
            t.setDaemon(true);
            return t;
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

    /** Starts the rounds; the first runs at once. */
    void start(Duration period) {
        executor.scheduleWithFixedDelay(this::round, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        started = true;
    }

    /**
     * Asks for a round as soon as the loop's thread is free, without waiting for the next tick; returns at once.
     * Wakes that come before the asked-for round starts are one round; a wake during a round asks for another after
     * it (the rows may have been queued after that round looked). Does nothing before {@link #start} or after
     * {@link #close}. Thread-safe.
     */
    void wake() {
        if (!started || !wakePending.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(() -> {
                wakePending.set(false);
                round();
            });
        } catch (RejectedExecutionException closing) {
            wakePending.set(false);
        }
    }

    /**
     * Runs one round now on the caller's thread (for {@code run --once}, after polling).
     *
     * @return what the worker did
     */
    synchronized DeliveryReport round() {
        try {
            if (!store.acquireLease(LEASE, owner, clock.instant(), LEASE_TTL, InstanceId::isGone)) {
                if (!waitingLogged) {
                    LOG.warn("another newsalert instance ({}) is delivering from this database; this one waits and"
                            + " takes over when it stops", store.leaseHolder(LEASE).orElse("?"));
                    waitingLogged = true;
                }
                return new DeliveryReport(0, 0, 0, 0, List.of());
            }
            if (waitingLogged) {
                LOG.info("this instance now delivers the outbox");
                waitingLogged = false;
                if (!tookOver) {
                    tookOver = true;
                    runTakeOver();
                }
            }
            DeliveryReport r = worker.deliverDue(clock.instant());
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
