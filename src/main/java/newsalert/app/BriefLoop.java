package newsalert.app;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import newsalert.delivery.DeliveryWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues the daily briefs ({@link DeliveryWorker#queueBriefs}) on a thread of its own, apart from the delivery
 * rounds (issue 18): at a minute when thousands of chats' briefs fall due, reading their events and queueing their
 * rows takes seconds, and alerts must not wait behind that. Every {@code period} (1 s in {@code run}) it asks the
 * worker, which looks at the chats once per minute; when rows were queued it calls {@code queued} (the delivery
 * loop's wake) so they go out at once. A failing look (e.g. the database is locked) is logged and the next minute
 * tries again: a brief not queued stays due, and the store queues each brief once.
 */
final class BriefLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BriefLoop.class);

    private final DeliveryWorker worker;
    private final Clock clock;
    private final ScheduledExecutorService executor;
    private final Runnable queued;

    /** A loop on a daemon thread of its own ("newsalert-briefs"). */
    BriefLoop(DeliveryWorker worker, Clock clock, Runnable queued) {
        this(worker, clock, queued, Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "newsalert-briefs");
            t.setDaemon(true);
            return t;
        }));
    }

    /**
     * @param worker   queues the briefs
     * @param clock    the time each look uses
     * @param queued   called after a look that queued rows (e.g. {@link DeliveryLoop#wake})
     * @param executor runs the looks once {@link #start started}; the loop owns it and shuts it down on
     *                 {@link #close} (tests pass one they drive by hand)
     */
    BriefLoop(DeliveryWorker worker, Clock clock, Runnable queued, ScheduledExecutorService executor) {
        this.worker = Objects.requireNonNull(worker, "worker");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.queued = Objects.requireNonNull(queued, "queued");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /** Starts the looks, the first at once, then one every {@code period}. */
    void start(Duration period) {
        executor.scheduleWithFixedDelay(this::tick, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Queues the briefs due now on the caller's thread ({@code run --once} calls it before its last delivery).
     *
     * @return how many outbox rows were queued (0 also when the look failed: it is logged)
     */
    int tick() {
        try {
            int rows = worker.queueBriefs(clock.instant());
            if (rows > 0) {
                LOG.info("daily briefs: {} message(s) queued", rows);
                queued.run();
            }
            return rows;
        } catch (RuntimeException e) {
            LOG.warn("queueing the daily briefs failed, the next minute tries again: {}", e.getMessage());
            return 0;
        }
    }

    /** Stops the looks, letting one in progress finish (up to 10 s). */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
