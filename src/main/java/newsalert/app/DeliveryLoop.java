package newsalert.app;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import newsalert.delivery.DeliveryReport;
import newsalert.delivery.DeliveryWorker;
import newsalert.store.SubscriptionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link DeliveryWorker} on one background thread, every {@code period} (1 s in {@code run}), and
 * applies the chat migrations it reports with {@link SubscriptionStore#moveChat}. A failing round (e.g. the
 * database is locked) is logged and the next round tries again; nothing is lost because the outbox is the
 * state. One loop per store (the worker is not thread-safe).
 */
final class DeliveryLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryLoop.class);

    private final DeliveryWorker worker;
    private final SubscriptionStore store;
    private final Clock clock;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "newsalert-delivery");
        t.setDaemon(true);
        return t;
    });

    DeliveryLoop(DeliveryWorker worker, SubscriptionStore store, Clock clock) {
        this.worker = worker;
        this.store = store;
        this.clock = clock;
    }

    /** Starts the rounds; the first runs at once. */
    void start(Duration period) {
        executor.scheduleWithFixedDelay(this::round, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Runs one round now on the caller's thread (for {@code run --once}, after polling).
     *
     * @return what the worker did
     */
    DeliveryReport round() {
        try {
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
            return new DeliveryReport(0, 0, 0, 0, java.util.List.of());
        }
    }

    /** Stops the rounds, letting one in progress finish (up to 10 s). */
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
