package newsalert.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import newsalert.config.FeedConfig;
import newsalert.config.PollSettings;
import newsalert.delivery.ChatPlatform;
import newsalert.delivery.DeliverySettings;
import newsalert.delivery.DeliveryWorker;
import newsalert.delivery.RateLimits;
import newsalert.delivery.SendResult;
import newsalert.event.EventSettings;
import newsalert.metrics.Health;
import newsalert.metrics.micrometer.MetricsServer;
import newsalert.metrics.micrometer.MicrometerMetrics;
import newsalert.pipeline.EventTracker;
import newsalert.pipeline.Poller;
import newsalert.testing.LogCapture;
import newsalert.pipeline.Routing;
import newsalert.store.OutboxItem;
import newsalert.store.StoreStatus;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.story.Assessment;
import newsalert.story.Story;
import newsalert.story.Topic;
import newsalert.subscription.Platform;
import newsalert.subscription.Subscription;
import newsalert.subscription.Target;
import newsalert.testing.MutableClock;
import newsalert.testing.Stories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monitoring endpoint on an ephemeral port while the real poller reads feeds from a server on 127.0.0.1 and
 * the real delivery worker sends to a fake platform: {@code /metrics} moves by exactly what happened, and
 * {@code /health} turns 503 when the store closes or the polling stops. Time is a hand-moved clock.
 */
class MonitoringEndToEndTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final PollSettings SETTINGS =
            new PollSettings(Duration.ofMinutes(5), Duration.ofHours(24), Duration.ofHours(1));
    private static final Target CHAT = Target.chat(Platform.TELEGRAM, "-100777");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);
    private final AtomicReference<String> wireItems = new AtomicReference<>("");
    private final List<String> sent = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private MockWebServer feeds;
    private JdbcNewsStore store;
    private MicrometerMetrics meters;
    private MetricsServer server;

    @BeforeEach
    void start() throws IOException {
        feeds = new MockWebServer();
        feeds.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (!request.getUrl().encodedPath().equals("/wire.xml")) {
                    return new MockResponse.Builder().code(500).body("down").build();
                }
                String items = wireItems.get();
                String etag = "\"" + Integer.toHexString(items.hashCode()) + "\"";
                if (etag.equals(request.getHeaders().get("If-None-Match"))) {
                    return new MockResponse.Builder().code(304).build();
                }
                return new MockResponse.Builder().code(200).addHeader("ETag", etag)
                        .addHeader("Content-Type", "application/rss+xml")
                        .body("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Local Wire</title>"
                                + items + "</channel></rss>").build();
            }
        });
        feeds.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
        store = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("m.db"));
        store.subscriptions().saveSubscription(Subscription.of(CHAT, EnumSet.of(Topic.ATTACK), 0, T0));
        meters = new MicrometerMetrics();
    }

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
        meters.close();
        feeds.close();
        try {
            store.close();
        } catch (RuntimeException alreadyClosed) {
            // the health test closes it itself
        }
    }

    private static String item(String guid, String title, Instant published) {
        return "<item><guid>" + guid + "</guid><title>" + title + "</title><link>https://news.test/" + guid
                + "</link><pubDate>" + java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                published.atZone(java.time.ZoneOffset.UTC)) + "</pubDate><description>Text.</description></item>";
    }

    /** Titles starting with "Strike" are attacks worth an alert; the rest has no topic. */
    private static Assessment assess(Story s) {
        return s.title().startsWith("Strike") ? Stories.attack(true) : Stories.nothing();
    }

    private ChatPlatform fakeTelegram() {
        return new ChatPlatform() {
            @Override
            public Platform platform() {
                return Platform.TELEGRAM;
            }

            @Override
            public SendResult send(Target target, Story story, Assessment assessment) {
                sent.add(story.id());
                return new SendResult.Sent("m" + sent.size());
            }

            @Override
            public SendResult edit(Target target, String messageId, Story story, Assessment assessment) {
                return new SendResult.Sent(messageId);
            }

            @Override
            public SendResult sendDigest(Target target, List<OutboxItem> items) {
                return new SendResult.Sent("digest");
            }

            @Override
            public SendResult reply(Target target, String messageId, String text) {
                return new SendResult.Sent("reply");
            }
        };
    }

    private void serve() {
        Health health = new Health(meters::lastCycleEnd, SETTINGS.interval().multipliedBy(3), () -> {
            store.status().ping();
            return true;
        }, () -> Health.ChatState.UP, () -> Health.ChatState.OFF, clock);
        server = MetricsServer.start("127.0.0.1", 0, meters, () -> {
            StoreStatus.Backlog b = store.status().outboxBacklog().get(Platform.TELEGRAM);
            meters.outboxPending(Platform.TELEGRAM, b == null ? 0 : b.pending());
        }, health);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** @return the value of the series, e.g. {@code newsalert_alerts_total{topic="attack"}}; fails when absent */
    private static double value(String scrape, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scrape);
        assertThat(m.find()).as("series %s in%n%s", series, scrape).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void metricsMoveByWhatThePollAndTheDeliveryDid() throws Exception {
        serve();
        String wire = feeds.url("/wire.xml").toString();
        String broken = feeds.url("/broken.xml").toString();
        List<FeedConfig> configured = List.of(new FeedConfig(wire, "Local Wire", null),
                new FeedConfig(broken, "Broken", null));
        SourceReader reader = Wiring.load(null).sourceReader();
        DeliveryWorker worker = new DeliveryWorker(store.subscriptions(), List.of(fakeTelegram()),
                RateLimits::forPlatform, clock, DeliverySettings.defaults(), meters);
        // the broken feed's two WARN lines are expected: captured, and checked below
        try (LogCapture brokenFeed = LogCapture.of(Poller.class);
             Poller poller = new Poller(store, reader, MonitoringEndToEndTest::assess, SETTINGS,
                clock, new Routing(store.subscriptions(), store.chatFeeds(), reader),
                new EventTracker(EventSettings.defaults(), 1), meters)) {
            // cycle 1: the wire's first read records its two entries without alerting; the other feed fails
            wireItems.set(item("a1", "Talks resume", T0.minusSeconds(600)) + item("a2", "Markets", T0.minusSeconds(300)));
            poller.pollDue(configured);
            // cycle 2, five minutes on: one new attack alerts; the broken feed fails again
            clock.advance(Duration.ofMinutes(5));
            wireItems.set(item("a3", "Strike on depot", clock.instant().minusSeconds(60)) + wireItems.get());
            poller.pollDue(configured);
            // cycle 3: the wire answers 304; the broken feed is backing off (next try in 10 minutes)
            clock.advance(Duration.ofMinutes(5));
            poller.pollDue(configured);
            assertThat(brokenFeed.lines()).filteredOn(l -> l.startsWith("WARN")).hasSize(2)
                    .allMatch(l -> l.startsWith("WARN feed Broken (" + broken + "): HTTP 500"));
        }
        String before = get("/metrics").body();
        assertThat(value(before, "newsalert_outbox_pending{platform=\"telegram\"}")).isEqualTo(1.0);

        clock.advance(Duration.ofSeconds(3));
        worker.deliverDue(clock.instant());
        HttpResponse<String> r = get("/metrics");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        String s = r.body();
        assertThat(value(s, "newsalert_poll_cycles_total")).isEqualTo(3.0);
        assertThat(value(s, "newsalert_poll_cycle_seconds")).isEqualTo(0.0);   // the clock stood still in the cycle
        assertThat(value(s, "newsalert_feed_fetches_total{result=\"ok\"}")).isEqualTo(2.0);
        assertThat(value(s, "newsalert_feed_fetches_total{result=\"not_modified\"}")).isEqualTo(1.0);
        assertThat(value(s, "newsalert_feed_fetches_total{result=\"error\"}")).isEqualTo(2.0);
        assertThat(value(s, "newsalert_feed_fetches_total{result=\"refused\"}")).isEqualTo(0.0);
        assertThat(value(s, "newsalert_feeds{state=\"active\"}")).isEqualTo(1.0);
        assertThat(value(s, "newsalert_feeds{state=\"backing_off\"}")).isEqualTo(1.0);
        assertThat(value(s, "newsalert_feeds{state=\"disabled\"}")).isEqualTo(0.0);
        assertThat(value(s, "newsalert_entries_new_total")).isEqualTo(3.0);
        assertThat(value(s, "newsalert_alerts_total{topic=\"attack\"}")).isEqualTo(1.0);
        assertThat(value(s, "newsalert_alerts_total{topic=\"diplomacy\"}")).isEqualTo(0.0);
        assertThat(value(s, "newsalert_events_revised_total")).isEqualTo(0.0);
        assertThat(value(s, "newsalert_outbox_pending{platform=\"telegram\"}")).isEqualTo(0.0);
        assertThat(value(s, "newsalert_deliveries_total{platform=\"telegram\",result=\"sent\"}")).isEqualTo(1.0);
        assertThat(value(s, "newsalert_deliveries_total{platform=\"telegram\",result=\"retry\"}")).isEqualTo(0.0);
        // the alert's row was stored at cycle 2 (T0+5m) and accepted at T0+10m3s
        assertThat(value(s, "newsalert_alert_latency_seconds_count")).isEqualTo(1.0);
        assertThat(value(s, "newsalert_alert_latency_seconds_sum")).isEqualTo(303.0);
        assertThat(value(s, "newsalert_alert_latency_seconds_bucket{le=\"300.0\"}")).isEqualTo(0.0);
        assertThat(value(s, "newsalert_alert_latency_seconds_bucket{le=\"900.0\"}")).isEqualTo(1.0);
        assertThat(s).contains("jvm_memory_used_bytes{", "process_uptime_seconds ", "jvm_threads_live_threads ");
        assertThat(value(s, "process_resident_memory_bytes")).isGreaterThan(1e6);   // this JVM on Linux
        assertThat(sent).hasSize(1);
        assertThat(feeds.getRequestCount()).isEqualTo(5);

        JsonNode health = JSON.readTree(get("/health").body());
        assertThat(health.get("status").asText()).isEqualTo("up");
        assertThat(health.get("last_cycle").asText()).isEqualTo(T0.plus(Duration.ofMinutes(10)).toString());
    }

    @Test
    void aPortInUseIsAnErrorThatSaysWhatToChange() {
        serve();
        int taken = server.port();
        Health health = new Health(() -> null, Duration.ofMinutes(15), () -> true, () -> Health.ChatState.OFF,
                () -> Health.ChatState.OFF, clock);

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> MetricsServer.start("127.0.0.1", taken, meters, () -> { }, health))
                .isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessageStartingWith("cannot serve metrics on 127.0.0.1:" + taken + " (")
                .hasMessageEndingWith("); choose another metrics.port or metrics.host");
    }

    @Test
    void healthIsUpThenDownWhenTheStoreClosesOrPollingStops() throws Exception {
        serve();
        meters.pollCycle(new newsalert.metrics.PollCycle(1, 0, 0, 0, 0, Duration.ZERO, clock.instant()));

        HttpResponse<String> up = get("/health");
        assertThat(up.statusCode()).isEqualTo(200);
        String url = HealthProbe.url(java.util.Map.of("NEWSALERT_METRICS_PORT", String.valueOf(server.port())));
        java.io.ByteArrayOutputStream said = new java.io.ByteArrayOutputStream();
        java.io.PrintStream probeOut = new java.io.PrintStream(said, true, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(HealthProbe.probe(url, probeOut)).isZero();
        assertThat(up.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(up.body()).isEqualTo("{\"status\":\"up\",\"last_cycle\":\"2026-03-02T10:00:00Z\",\"poll\":\"up\","
                + "\"store\":\"up\",\"telegram\":\"up\",\"discord\":\"off\"}");

        // 15 minutes (three intervals) without a cycle is still up; one second more is not
        clock.advance(Duration.ofMinutes(15));
        assertThat(get("/health").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(1));
        HttpResponse<String> stale = get("/health");
        assertThat(stale.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(stale.body()).get("poll").asText()).isEqualTo("down");
        assertThat(JSON.readTree(stale.body()).get("store").asText()).isEqualTo("up");

        meters.pollCycle(new newsalert.metrics.PollCycle(0, 0, 0, 0, 0, Duration.ZERO, clock.instant()));
        assertThat(get("/health").statusCode()).isEqualTo(200);
        store.close();
        HttpResponse<String> down = get("/health");
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).isEqualTo("{\"status\":\"down\",\"last_cycle\":\"2026-03-02T10:15:01Z\",\"poll\":\"up\","
                + "\"store\":\"down\",\"telegram\":\"up\",\"discord\":\"off\"}");
        assertThat(HealthProbe.probe(url, probeOut)).isEqualTo(1);
        assertThat(get("/nope").statusCode()).isEqualTo(404);
        server.close();
        assertThat(HealthProbe.probe(url, probeOut)).isEqualTo(1);   // nothing listening
        assertThat(said.toString(java.nio.charset.StandardCharsets.UTF_8).lines().toList()).satisfiesExactly(
                l -> assertThat(l).startsWith("200 {\"status\":\"up\""),
                l -> assertThat(l).startsWith("503 {\"status\":\"down\""),
                l -> assertThat(l).isEqualTo("no answer from " + url + ": ConnectException Connection refused"));
        server = null;
    }
}
