package newsalert.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import newsalert.store.OutboxItem;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.subscription.Platform;
import newsalert.subscription.Target;
import newsalert.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link FeedAddCheckSweep} on the injected clock: a killed run's check is answered once, after a minute. */
class FeedAddCheckSweepTest {
    @TempDir
    Path dir;

    @Test
    void aKilledRunsCheckIsAnsweredAfterAMinuteOnceWithWhatToDo() {
        Instant t0 = Instant.parse("2026-12-07T14:00:00Z");
        MutableClock clock = new MutableClock(t0);
        Target chat = Target.chat(Platform.TELEGRAM, "555");
        try (JdbcNewsStore store = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("n.db"))) {
            store.subscriptions().acquireLease("instance:dead", "killed-run", t0, Duration.ofSeconds(20));
            store.chatFeeds().beginFeedAddCheck("c1", chat, "https://hung.example.org/", "killed-run", t0);
            FeedAddCheckSweep sweep = new FeedAddCheckSweep(store.chatFeeds(), "new-run", clock,
                    FeedAddCheckSweep.MIN_AGE);

            clock.advance(Duration.ofSeconds(59));
            assertThat(sweep.sweep()).isZero();
            clock.advance(Duration.ofSeconds(1));
            assertThat(sweep.sweep()).isEqualTo(1);
            assertThat(sweep.sweep()).isZero();
            assertThat(sweep.stop()).isZero();

            assertThat(store.subscriptions().pendingOutbox(chat, 10)).extracting(OutboxItem::note).containsExactly(
                    "The check of https://hung.example.org/ was interrupted by a restart; nothing was added. Send"
                            + " /feeds add https://hung.example.org/ again.");
        }
    }

    @Test
    void aStoppingRunAnswersItsOwnChecksAtOnce() {
        Instant t0 = Instant.parse("2026-12-07T14:00:00Z");
        MutableClock clock = new MutableClock(t0);
        Target chat = Target.chat(Platform.DISCORD, "900100");
        try (JdbcNewsStore store = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("n.db"))) {
            store.chatFeeds().beginFeedAddCheck("c1", chat, "https://hung.example.org/", "this-run", t0);
            FeedAddCheckSweep sweep = new FeedAddCheckSweep(store.chatFeeds(), "this-run", clock,
                    FeedAddCheckSweep.MIN_AGE);
            clock.advance(Duration.ofSeconds(2));

            assertThat(sweep.stop()).isEqualTo(1);
            // Discord's wording: its slash command with options, no backticks (escaped on Discord, they showed)
            assertThat(store.subscriptions().pendingOutbox(chat, 10)).extracting(OutboxItem::note).containsExactly(
                    "The check of https://hung.example.org/ was interrupted by a restart; nothing was added. Use"
                            + " /feeds with action add and url https://hung.example.org/ again.");
        }
    }
}
