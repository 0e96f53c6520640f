package newsalert.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import newsalert.metrics.micrometer.MicrometerMetrics;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.subscription.Platform;
import newsalert.subscription.Target;
import newsalert.testing.MutableClock;
import newsalert.testing.Stories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code newsalert_deliveries_total{platform,result}} and the alert latency as the worker records them. */
class DeliveryMetricsTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final String FEED = "https://wire.test/world.rss";
    private static final Target ALICE = Target.chat(Platform.TELEGRAM, "5550001");
    private static final Target GROUP = Target.chat(Platform.TELEGRAM, "-100123");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);
    private JdbcNewsStore news;
    private MicrometerMetrics meters;
    private ScriptedPlatform telegram;

    @BeforeEach
    void open() {
        news = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("d.db"));
        meters = new MicrometerMetrics();
        telegram = new ScriptedPlatform(Platform.TELEGRAM, clock);
    }

    @AfterEach
    void close() {
        meters.close();
        news.close();
    }

    private void route(String id, Target target) {
        news.recordEntry(FEED, Stories.story(id, "Strike on " + id, T0), Stories.attack(true), true, clock.instant(),
                List.of(target));
    }

    private double deliveries(String result) {
        return meters.registry().get("newsalert.deliveries").tags("platform", "telegram", "result", result).counter()
                .count();
    }

    @Test
    void eachOutcomeIsCountedAndEachAcceptedAlertTimed() {
        DeliveryWorker worker = new DeliveryWorker(news.subscriptions(), List.of(telegram),
                p -> RateLimits.telegram(), clock, DeliverySettings.defaults().withoutDigests(), meters);
        route("s1", ALICE);
        route("s2", ALICE);
        telegram.then(new SendResult.RateLimited(Duration.ofSeconds(10)), new SendResult.Transient("502"),
                new SendResult.Rejected("can't parse entities"));

        clock.advance(Duration.ofSeconds(2));
        worker.deliverDue(clock.instant());                 // s1: 429
        clock.advance(Duration.ofSeconds(10));
        worker.deliverDue(clock.instant());                 // s1: 502, retried later
        clock.advance(Duration.ofMinutes(1));
        worker.deliverDue(clock.instant());                 // s1 rejected (failed); the chat's rate limit holds s2
        clock.advance(Duration.ofSeconds(2));
        worker.deliverDue(clock.instant());                 // s2 sent
        news.reviseStory(Stories.story("s2", "Strike on s2", T0), Stories.attackKilling(25), clock.instant());
        clock.advance(Duration.ofSeconds(1));
        worker.deliverDue(clock.instant());                 // s2's alert edited

        assertThat(deliveries("rate_limited")).isEqualTo(1.0);
        assertThat(deliveries("retry")).isEqualTo(1.0);
        assertThat(deliveries("failed")).isEqualTo(1.0);
        assertThat(deliveries("sent")).isEqualTo(1.0);
        assertThat(deliveries("edited")).isEqualTo(1.0);
        assertThat(deliveries("digest")).isEqualTo(0.0);
        var latency = meters.registry().get("newsalert.alert.latency").timer();
        assertThat(latency.count()).isEqualTo(1);
        assertThat(latency.totalTime(java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(74.0);   // stored at T0, sent at T0+74s
    }

    @Test
    void aDigestCountsOnceAndTimesEveryAlertItCarries() {
        DeliveryWorker worker = new DeliveryWorker(news.subscriptions(), List.of(telegram),
                p -> RateLimits.telegram(), clock, DeliverySettings.defaults(), meters);
        for (int i = 1; i <= 8; i++) {
            route("g" + i, GROUP);
        }
        clock.advance(DeliveryWorker.DIGEST_AFTER); // waited a minute: a backlog
        int sent = 0;
        int merged = 0;
        for (int round = 0; round < 30 && !news.subscriptions().pendingTargets().isEmpty(); round++) {
            DeliveryReport r = worker.deliverDue(clock.instant());
            sent += r.sent();
            merged += r.merged();
            clock.advance(Duration.ofSeconds(3));
        }

        assertThat(merged).isPositive();
        assertThat(deliveries("digest")).isEqualTo(1.0);
        assertThat(deliveries("sent")).isEqualTo(sent - 1);
        assertThat(meters.registry().get("newsalert.alert.latency").timer().count()).isEqualTo(8);
    }
}
