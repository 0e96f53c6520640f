package newsalert.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import newsalert.delivery.ScriptedPlatform.Call;
import newsalert.metrics.micrometer.MicrometerMetrics;
import newsalert.store.OutboxItem;
import newsalert.store.StoreStatus;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.story.Assessment;
import newsalert.story.Casualties;
import newsalert.story.Topic;
import newsalert.subscription.Platform;
import newsalert.subscription.Target;
import newsalert.testing.MutableClock;
import newsalert.testing.Stories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19, item 3: a send that got no answer is "outcome unknown", its own row state apart from a failure,
 * counted on its own in {@code newsalert_deliveries_total{result="unknown"}} and in the store's status; its
 * retry sends the identical message (a fixed digest, its same rows: never a re-composed digest).
 */
class UnknownOutcomeTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final Target ALICE = Target.chat(Platform.TELEGRAM, "5550001");
    private static final String TIMED_OUT = "outcome unknown: the Bot API did not answer in time";

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);
    private JdbcNewsStore news;
    private MicrometerMetrics meters;
    private ScriptedPlatform telegram;
    private DeliveryWorker worker;

    @BeforeEach
    void open() {
        news = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("unknown.db"));
        meters = new MicrometerMetrics();
        telegram = new ScriptedPlatform(Platform.TELEGRAM, clock);
        worker = new DeliveryWorker(news.subscriptions(), List.of(telegram), p -> RateLimits.telegram(), clock,
                DeliverySettings.defaults(), meters);
    }

    @AfterEach
    void close() {
        meters.close();
        news.close();
    }

    private void route(int n) {
        route(1, n);
    }

    /** Routes stories s{from} … s{to} to Alice, severity 50. */
    private void route(int from, int to) {
        for (int i = from; i <= to; i++) {
            Assessment a = new Assessment(Set.of(Topic.ATTACK), 50, List.of(), Casualties.NONE, List.of(), true);
            news.recordEntry("https://wire.test/rss", Stories.story("s" + i, "Story " + i, T0), a, false,
                    clock.instant(), List.of(ALICE));
        }
    }

    private double deliveries(String result) {
        return meters.registry().get("newsalert.deliveries").tags("platform", "telegram", "result", result).counter()
                .count();
    }

    private StoreStatus.Backlog backlog() {
        return news.status().outboxBacklog().get(Platform.TELEGRAM);
    }

    @Test
    void anUnansweredDigestIsUnknownNotFailedAndItsRetrySendsTheSameRows() {
        route(6);
        clock.advance(DeliveryWorker.DIGEST_AFTER);   // a real backlog: the digest of s1-s4 is fixed, then tried
        telegram.then(SendResult.Transient.unknown(TIMED_OUT));

        assertThat(worker.deliverDue(clock.instant()).retried()).isEqualTo(1);
        assertThat(backlog()).isEqualTo(new StoreStatus.Backlog(6, T0, 1));
        assertThat(deliveries("unknown")).isEqualTo(1.0);
        assertThat(deliveries("retry")).isZero();
        List<OutboxItem> rows = news.subscriptions().pendingOutbox(ALICE, 10);
        assertThat(rows.get(0).lastError()).isEqualTo("transient: " + TIMED_OUT);

        // more alerts arrive while it waits; the retry after the 1 s back-off is the same digest
        route(7, 8);
        clock.advance(Duration.ofSeconds(1));
        assertThat(worker.deliverDue(clock.instant()).merged()).isEqualTo(4);
        assertThat(telegram.calls).extracting(Call::storyId)
                .containsExactly("digest:s1,s2,s3,s4", "digest:s1,s2,s3,s4");
        assertThat(backlog().unknown()).isZero();
        assertThat(deliveries("digest")).isEqualTo(1.0);
    }

    @Test
    void aRefusedOrAnsweredFailureIsFailedAndA429IsRateLimitedNeitherUnknown() {
        route(2);
        telegram.then(new SendResult.Transient("Telegram 502: Bad Gateway"));
        worker.deliverDue(clock.instant());
        assertThat(backlog().unknown()).isZero();
        assertThat(deliveries("retry")).isEqualTo(1.0);

        clock.advance(Duration.ofSeconds(1));
        telegram.then(new SendResult.RateLimited(Duration.ofSeconds(3)));
        worker.deliverDue(clock.instant());
        assertThat(backlog()).isEqualTo(new StoreStatus.Backlog(2, T0, 0));
        assertThat(deliveries("unknown")).isZero();
        assertThat(deliveries("rate_limited")).isEqualTo(1.0);
    }

    @Test
    void aLaterAnsweredFailureReplacesTheUnknownOutcome() {
        route(1);
        telegram.then(SendResult.Transient.unknown(TIMED_OUT), new SendResult.Transient("Telegram 502: Bad Gateway"));
        worker.deliverDue(clock.instant());
        assertThat(backlog().unknown()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        worker.deliverDue(clock.instant());
        assertThat(backlog().unknown()).isZero();
        assertThat(backlog().pending()).isEqualTo(1);
    }
}
