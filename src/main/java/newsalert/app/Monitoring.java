package newsalert.app;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import newsalert.config.MetricsConfig;
import newsalert.metrics.Health;
import newsalert.metrics.Metrics;
import newsalert.metrics.micrometer.MetricsServer;
import newsalert.metrics.micrometer.MicrometerMetrics;
import newsalert.store.StoreStatus;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.subscription.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code run}'s monitoring: with {@code metrics.port} set, a {@link MicrometerMetrics} that the poller, the
 * delivery worker and the commands record into, served with {@code /health} by a {@link MetricsServer};
 * without it, {@link Metrics#NOOP} and no server. Healthy means a poll pass ended within three poll intervals
 * and the store answers {@code SELECT 1}.
 */
final class Monitoring implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Monitoring.class);

    private final MetricsConfig config;
    private final MicrometerMetrics meters;
    private MetricsServer server;

    private Monitoring(MetricsConfig config) {
        this.config = config;
        this.meters = config.enabled() ? new MicrometerMetrics() : null;
    }

    /** @return the monitoring {@code metrics.*} asks for, not yet serving */
    static Monitoring create(MetricsConfig config) {
        return new Monitoring(config);
    }

    /** @return where the pipeline records: the Micrometer meters, or {@link Metrics#NOOP} when off */
    Metrics metrics() {
        return meters == null ? Metrics.NOOP : meters;
    }

    /**
     * Starts the endpoint (when on).
     *
     * @param pollInterval {@code poll.interval}; three of them without a poll pass make {@code /health} fail
     * @throws java.io.UncheckedIOException when the port cannot be bound, with a message saying what to change
     */
    void serve(JdbcNewsStore store, List<ChatService> chats, Duration pollInterval, Clock clock) {
        if (meters == null) {
            return;
        }
        Health health = new Health(meters::lastCycleEnd, pollInterval.multipliedBy(3), () -> {
            store.status().ping();
            return true;
        }, state(chats, "telegram"), state(chats, "discord"), clock);
        server = MetricsServer.start(config.host(), config.port(), meters, () -> {
            Map<Platform, StoreStatus.Backlog> backlog = store.status().outboxBacklog();
            for (Platform p : Platform.values()) {
                StoreStatus.Backlog b = backlog.get(p);
                meters.outboxPending(p, b == null ? 0 : b.pending());
            }
        }, health);
        LOG.info("metrics on http://{}:{}/metrics, health on /health", config.host(), server.port());
    }

    private static Supplier<Health.ChatState> state(List<ChatService> chats, String name) {
        return chats.stream().filter(c -> c.name().equals(name)).findFirst()
                .<Supplier<Health.ChatState>>map(c -> c::state).orElse(() -> Health.ChatState.OFF);
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
        if (meters != null) {
            meters.close();
        }
    }
}
