package newsalert.metrics.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import newsalert.metrics.CommandOutcome;
import newsalert.metrics.DeliveryOutcome;
import newsalert.metrics.FetchOutcome;
import newsalert.metrics.Metrics;
import newsalert.metrics.PollCycle;
import newsalert.story.Topic;
import newsalert.subscription.Platform;

/**
 * {@link Metrics} as Micrometer meters in a {@link PrometheusMeterRegistry}, with the JVM and process binders
 * (memory, GC, threads, class loading, CPU, uptime, open files). The Prometheus names are a public interface
 * (README "Monitoring"): {@code newsalert_poll_cycle_seconds}, {@code newsalert_poll_cycles_total},
 * {@code newsalert_feed_fetches_total{result}}, {@code newsalert_feeds{state}}, {@code newsalert_entries_new_total},
 * {@code newsalert_alerts_total{topic}}, {@code newsalert_events_revised_total},
 * {@code newsalert_outbox_pending{platform}}, {@code newsalert_deliveries_total{platform,result}},
 * {@code newsalert_alert_latency_seconds} (histogram) and {@code newsalert_commands_total{platform,command,result}}.
 * Series with fixed label values are registered at 0 up front, so {@code rate()} works from the first scrape.
 * Thread-safe. Also remembers when the last poll cycle ended, for {@code /health}.
 */
public final class MicrometerMetrics implements Metrics, AutoCloseable {
    /** Bucket bounds of the alert latency histogram, in seconds. */
    private static final Path PROC_STATUS = Path.of("/proc/self/status");
    static final double[] LATENCY_BUCKETS = {0.5, 1, 2, 5, 10, 30, 60, 120, 300, 900, 3600};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final AtomicLong cycleMillis = new AtomicLong();
    private final AtomicReference<Instant> lastCycleEnd = new AtomicReference<>();
    private final Counter cycles;
    private final Counter entries;
    private final Counter revised;
    private final Timer latency;
    private final Map<FetchOutcome, Counter> fetches = new EnumMap<>(FetchOutcome.class);
    private final Map<Topic, Counter> alerts = new EnumMap<>(Topic.class);
    private final Map<String, AtomicLong> feeds = Map.of("active", new AtomicLong(), "backing_off", new AtomicLong(),
            "disabled", new AtomicLong());
    private final Map<Platform, AtomicLong> pending = new EnumMap<>(Platform.class);

    /** Creates the registry, binds the JVM and process metrics and registers every {@code newsalert_*} series. */
    public MicrometerMetrics() {
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        if (Files.isReadable(PROC_STATUS)) {
            Gauge.builder("process.resident.memory", MicrometerMetrics::residentBytes).baseUnit("bytes")
                    .description("Resident set size of this process (Linux /proc/self/status VmRSS)").register(registry);
        }
        Gauge.builder("newsalert.poll.cycle", cycleMillis, v -> v.get() / 1000.0).baseUnit("seconds")
                .description("Duration of the last completed poll cycle").register(registry);
        cycles = Counter.builder("newsalert.poll.cycles").description("Poll cycles completed").register(registry);
        for (FetchOutcome o : FetchOutcome.values()) {
            fetches.put(o, Counter.builder("newsalert.feed.fetches").tag("result", o.label())
                    .description("Feed fetches by result").register(registry));
        }
        feeds.forEach((state, value) -> Gauge.builder("newsalert.feeds", value, AtomicLong::get).tag("state", state)
                .description("Feeds by state after the last poll cycle").register(registry));
        entries = Counter.builder("newsalert.entries.new").description("Entries stored for the first time")
                .register(registry);
        for (Topic t : Topic.values()) {
            alerts.put(t, Counter.builder("newsalert.alerts").tag("topic", t.wireName())
                    .description("Alerts queued, by topic").register(registry));
        }
        revised = Counter.builder("newsalert.events.revised")
                .description("Revisions of alerted events (their sent alerts get edits)").register(registry);
        for (Platform p : Platform.values()) {
            AtomicLong rows = new AtomicLong();
            pending.put(p, rows);
            Gauge.builder("newsalert.outbox.pending", rows, AtomicLong::get).tag("platform", p.wireName())
                    .description("Outbox rows waiting to be delivered").register(registry);
            for (DeliveryOutcome o : DeliveryOutcome.values()) {
                deliveries(p, o);
            }
        }
        latency = Timer.builder("newsalert.alert.latency")
                .description("From the first sight of an alert's entry to the platform accepting the alert")
                .serviceLevelObjectives(buckets()).register(registry);
    }

    /** @return the process's resident memory in bytes, or NaN when /proc cannot tell */
    static double residentBytes() {
        try {
            for (String line : Files.readAllLines(PROC_STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or /proc not mounted: the gauge reads NaN
        }
        return Double.NaN;
    }

    private static Duration[] buckets() {
        Duration[] out = new Duration[LATENCY_BUCKETS.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Duration.ofMillis(Math.round(LATENCY_BUCKETS[i] * 1000));
        }
        return out;
    }

    private Counter deliveries(Platform p, DeliveryOutcome o) {
        return Counter.builder("newsalert.deliveries").tag("platform", p.wireName()).tag("result", o.label())
                .description("Delivery attempts by platform and result").register(registry);
    }

    /** @return the registry, for meters of other parts and for tests */
    public MeterRegistry registry() {
        return registry;
    }

    /** @return every meter in the Prometheus text format (version 0.0.4) */
    public String scrape() {
        return registry.scrape();
    }

    /** @return when the last poll cycle ended, or {@code null} before the first */
    public Instant lastCycleEnd() {
        return lastCycleEnd.get();
    }

    /**
     * A pass in which no feed was due shows the loop is alive ({@link #lastCycleEnd()}) but is not counted as a
     * cycle, so that {@code newsalert_poll_cycle_seconds} keeps the last real cycle's duration.
     */
    @Override
    public void pollCycle(PollCycle cycle) {
        lastCycleEnd.set(cycle.endedAt());
        if (cycle.feeds() == 0) {
            return;
        }
        cycleMillis.set(Math.max(0, cycle.duration().toMillis()));
        cycles.increment();
    }

    @Override
    public void feedFetched(FetchOutcome outcome) {
        fetches.get(outcome).increment();
    }

    @Override
    public void feedStates(int active, int backingOff, int disabled) {
        feeds.get("active").set(active);
        feeds.get("backing_off").set(backingOff);
        feeds.get("disabled").set(disabled);
    }

    @Override
    public void entriesNew(int count) {
        if (count > 0) {
            entries.increment(count);
        }
    }

    @Override
    public void alerted(Topic topic) {
        alerts.get(topic).increment();
    }

    @Override
    public void eventRevised() {
        revised.increment();
    }

    @Override
    public void outboxPending(Platform platform, long rows) {
        pending.get(platform).set(Math.max(0, rows));
    }

    @Override
    public void delivered(Platform platform, DeliveryOutcome outcome) {
        deliveries(platform, outcome).increment();
    }

    @Override
    public void alertLatency(Duration d) {
        latency.record(d.isNegative() ? Duration.ZERO : d);
    }

    @Override
    public void command(Platform platform, String command, CommandOutcome outcome) {
        Counter.builder("newsalert.commands").tag("platform", platform.wireName()).tag("command", command)
                .tag("result", outcome.label()).description("Chat commands by platform, command and result")
                .register(registry).increment();
    }

    /** Stops the GC listener and closes the registry. */
    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
