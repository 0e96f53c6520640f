package newsalert.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import newsalert.delivery.DeliverySettings;
import newsalert.delivery.DeliveryWorker;
import newsalert.delivery.RateLimits;
import newsalert.platform.console.ConsolePlatform;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.testing.ManualScheduler;
import newsalert.testing.MutableClock;
import newsalert.testing.Stories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: when the poller has queued outbox rows it wakes the delivery loop, which runs a round at once instead
 * of at its next tick; wakes that come before that round starts make one round. The loop's tick is never run here.
 */
class DeliveryLoopWakeTest {
    private static final Instant T0 = Instant.parse("2025-08-28T15:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aWakeRunsOneRoundAtOnceWithoutTheTick() {
        MutableClock clock = new MutableClock(T0);
        ManualScheduler scheduler = new ManualScheduler();
        StringWriter printed = new StringWriter();
        try (JdbcNewsStore store = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("wake.db"))) {
            DeliveryLoop loop = new DeliveryLoop(new DeliveryWorker(store.subscriptions(),
                    List.of(ConsolePlatform.printing(new PrintWriter(printed))), RateLimits::forPlatform, clock,
                    DeliverySettings.defaults()), store.subscriptions(), clock, "test-1", scheduler);
            loop.wake();
            assertThat(scheduler.queuedCount()).as("not started: a wake does nothing").isZero();

            loop.start(Duration.ofSeconds(1));
            store.recordEntry("https://wire.test/a.rss", Stories.story("s1", "Strike on the port", T0),
                    Stories.attack(true), true, T0);
            loop.wake();
            loop.wake();
            loop.wake();
            assertThat(scheduler.queuedCount()).as("three wakes before the round: one round").isEqualTo(1);
            assertThat(printed.toString()).isEmpty();

            clock.advance(Duration.ofMillis(30));
            scheduler.runQueued();
            assertThat(printed.toString()).startsWith("[ALERT] ATTACK · severity 80\nStrike on the port\n")
                    .contains("id: s1\n");
            assertThat(store.subscriptions().pendingOutbox(10)).isEmpty();

            loop.wake();
            assertThat(scheduler.queuedCount()).as("a wake after the round asks for another").isEqualTo(1);
            scheduler.runQueued();
            assertThat(printed.toString()).as("nothing sent twice").containsOnlyOnce("id: s1\n");

            loop.close();
            loop.wake();
            assertThat(scheduler.queuedCount()).as("closed: a wake does nothing").isZero();
        }
    }
}
