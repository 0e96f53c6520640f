package newsalert.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import newsalert.delivery.ChatPlatform;
import newsalert.metrics.Health;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.testing.LogCapture;
import newsalert.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One instance at a time answers a platform's commands (issue 14 item 5), by a lease with an expiry: the holder
 * starts them, the others deliver only; a stopped holder hands over at its release, a dead one when its lease
 * lapses, and a holder that finds its lease taken stops its commands. Time is a driven clock; checks are called.
 */
class CommandLeasesTest {
    private static final Instant T0 = Instant.parse("2026-12-07T05:00:00Z");

    @TempDir
    Path dir;

    /** A platform that records what it was asked to do. */
    private static class Recording implements ChatService {
        final List<String> calls = new ArrayList<>();

        @Override
        public String name() {
            return "telegram";
        }

        @Override
        public ChatPlatform adapter() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void start() {
            calls.add("start");
        }

        @Override
        public void startForDelivery() {
            calls.add("delivery");
        }

        @Override
        public void stopCommands() {
            calls.add("stop");
        }

        @Override
        public Health.ChatState state() {
            return Health.ChatState.UP;
        }

        @Override
        public void close() {
        }
    }

    /** Discord with shards: every instance answers what arrives on its own shards. */
    private static final class Sharded extends Recording {
        @Override
        public String name() {
            return "discord";
        }

        @Override
        public boolean ownsItsCommands() {
            return true;
        }
    }

    @Test
    void aPlatformThatOwnsItsCommandsIsStartedOnEveryInstanceWithoutALease() {
        MutableClock clock = new MutableClock(T0);
        try (JdbcNewsStore store = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("sharded.db"))) {
            Sharded a = new Sharded();
            Sharded b = new Sharded();
            CommandLeases first = new CommandLeases(store.subscriptions(), "host-a/1/aaaaaa", clock, List.of(a));
            CommandLeases second = new CommandLeases(store.subscriptions(), "host-b/2/bbbbbb", clock, List.of(b));
            first.start();
            second.start();
            clock.advance(Duration.ofSeconds(30));
            first.check();
            second.check();
            first.close();
            second.close();

            assertThat(a.calls).containsExactly("start");
            assertThat(b.calls).containsExactly("start");
            assertThat(store.subscriptions().leaseHolder("discord-commands")).isEmpty();
        }
    }

    @Test
    void discordOwnsItsCommandsOnlyWhenSharded() {
        newsalert.command.CommandRegistry none = new newsalert.command.CommandRegistry(List.of());
        DiscordService unsharded = DiscordService.create(new newsalert.config.DiscordConfig("a-token", null, null,
                null), none, clock());
        DiscordService sharded = DiscordService.create(new newsalert.config.DiscordConfig("a-token", null, null,
                null, new newsalert.config.DiscordShardsConfig(4, "2-3")), none, clock());
        DiscordService oneOfOne = DiscordService.create(new newsalert.config.DiscordConfig("a-token", null, null,
                null, new newsalert.config.DiscordShardsConfig(1, "0")), none, clock());
        try {
            assertThat(unsharded.ownsItsCommands()).isFalse();
            assertThat(oneOfOne.ownsItsCommands()).isFalse();
            assertThat(sharded.ownsItsCommands()).isTrue();
        } finally {
            unsharded.close();
            sharded.close();
            oneOfOne.close();
        }
    }

    private static java.time.Clock clock() {
        return java.time.Clock.fixed(T0, java.time.ZoneOffset.UTC);
    }

    @Test
    void theHolderAnswersADeadHoldersLeaseLapsesAndATakenLeaseStopsTheCommands() {
        MutableClock clock = new MutableClock(T0);
        try (JdbcNewsStore store = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("leases.db"));
             LogCapture log = LogCapture.of(CommandLeases.class)) {
            Recording a = new Recording();
            Recording b = new Recording();
            CommandLeases first = new CommandLeases(store.subscriptions(), "host-a/1/aaaaaa", clock, List.of(a));
            CommandLeases second = new CommandLeases(store.subscriptions(), "host-b/2/bbbbbb", clock, List.of(b));
            first.start();
            second.start();
            assertThat(a.calls).containsExactly("start");
            assertThat(b.calls).containsExactly("delivery");
            assertThat(store.subscriptions().leaseHolder(CommandLeases.TELEGRAM)).contains("host-a/1/aaaaaa");
            assertThat(log.lines()).containsExactly("INFO another newsalert instance (host-a/1/aaaaaa) answers"
                    + " telegram commands on this database: this one delivers alerts to the chats it claims and takes"
                    + " the commands over if that one stops");

            // the first is killed: no more renewals; its lease holds 15 s from its last one
            clock.advance(CommandLeases.TTL.minusSeconds(1));
            second.check();
            assertThat(second.answers("telegram")).isFalse();
            clock.advance(Duration.ofSeconds(1));
            second.check();
            assertThat(second.answers("telegram")).isTrue();
            assertThat(b.calls).containsExactly("delivery", "start");

            // the first comes back (it was only stalled): it finds the lease taken and stops its commands
            first.check();
            assertThat(a.calls).containsExactly("start", "stop");
            assertThat(first.answers("telegram")).isFalse();

            // a clean stop hands over at the other's next check
            second.close();
            first.check();
            assertThat(a.calls).containsExactly("start", "stop", "start");
            first.close();
            assertThat(store.subscriptions().leaseHolder(CommandLeases.TELEGRAM)).isEmpty();
        }
    }
}
