package newsalert.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import newsalert.delivery.DeliverySettings;
import newsalert.delivery.DeliveryWorker;
import newsalert.delivery.RateLimits;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.subscription.Platform;
import newsalert.subscription.Target;
import newsalert.testing.ManualScheduler;
import newsalert.testing.MutableClock;
import newsalert.testing.RecordingPlatform;
import newsalert.testing.Stories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19: a round that Telegram's overall limit cut short (30 in any second) asks for the next round at the moment
 * the limit's window opens again, not at the next tick one second after the round ended; a round nothing held back
 * asks for none. The schedule is driven by hand ({@link ManualScheduler}) on a hand-moved clock.
 */
class DeliveryLoopLimitWakeTest {
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aRoundCutShortByTheOverallLimitAsksForARoundWhenItsWindowOpens() {
        MutableClock clock = new MutableClock(T0);
        ManualScheduler scheduler = new ManualScheduler();
        RecordingPlatform telegram = RecordingPlatform.accepting(Platform.TELEGRAM);
        try (JdbcNewsStore store = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("limit.db"))) {
            List<Target> chats = IntStream.range(0, 45)
                    .mapToObj(i -> Target.chat(Platform.TELEGRAM, String.valueOf(6_000_000 + i))).toList();
            store.recordEntry("https://wire.test/a.rss", Stories.story("s1", "Strike on the port", T0),
                    Stories.attack(true), false, T0, chats);
            DeliveryLoop loop = new DeliveryLoop(new DeliveryWorker(store.subscriptions(),
                    List.of(telegram), RateLimits::forPlatform, clock, DeliverySettings.defaults()),
                    store.subscriptions(), clock, null, scheduler);
            loop.start(Duration.ofSeconds(1));

            clock.advance(Duration.ofMillis(400));
            scheduler.runPeriodic(); // the tick: a burst of 30, then the window is full
            assertThat(telegram.calls()).hasSize(30);
            assertThat(scheduler.delaysMillis()).as("a round when the window opens, 1 s after the burst")
                    .containsExactly(1000L);

            clock.advance(Duration.ofSeconds(1));
            scheduler.runDelayed(); // asks for the round: a wake
            assertThat(scheduler.queuedCount()).isEqualTo(1);
            scheduler.runQueued();
            assertThat(telegram.calls()).hasSize(45).doesNotHaveDuplicates();
            assertThat(store.subscriptions().pendingOutbox(100)).isEmpty();
            assertThat(scheduler.delaysMillis()).as("nothing held back: no early round").isEmpty();
            loop.close();
        }
    }
}
