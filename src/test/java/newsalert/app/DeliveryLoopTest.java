package newsalert.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import newsalert.delivery.ChatPlatform;
import newsalert.delivery.DeliverySettings;
import newsalert.delivery.DeliveryWorker;
import newsalert.delivery.RateLimits;
import newsalert.delivery.SendResult;
import newsalert.store.OutboxItem;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.story.Assessment;
import newsalert.story.Story;
import newsalert.story.Topic;
import newsalert.subscription.Platform;
import newsalert.subscription.Subscription;
import newsalert.subscription.Target;
import newsalert.testing.MutableClock;
import newsalert.testing.Stories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The delivery loop applies the chat migrations the worker reports, so the next round reaches the new chat. */
class DeliveryLoopTest {
    private static final Instant T0 = Instant.parse("2025-08-28T15:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aMigratedGroupIsFollowedToItsSupergroup() {
        Target group = Target.chat(Platform.TELEGRAM, "-4001");
        Target supergroup = Target.chat(Platform.TELEGRAM, "-1004001");
        MutableClock clock = new MutableClock(T0);
        List<String> sentTo = new ArrayList<>();
        ChatPlatform telegram = new ChatPlatform() {
            @Override
            public Platform platform() {
                return Platform.TELEGRAM;
            }

            @Override
            public SendResult send(Target target, Story story, Assessment assessment) {
                sentTo.add(target.chatId());
                return target.equals(group) ? new SendResult.Migrated("-1004001") : new SendResult.Sent("7");
            }

            @Override
            public SendResult edit(Target target, String messageId, Story story, Assessment assessment) {
                return new SendResult.Sent(messageId);
            }

            @Override
            public SendResult reply(Target target, String messageId, String text) {
                return new SendResult.Sent("r");
            }

            @Override
            public SendResult sendDigest(Target target, List<OutboxItem> items) {
                return new SendResult.Sent("8");
            }
        };
        try (JdbcNewsStore store = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("loop.db"))) {
            store.subscriptions().saveSubscription(Subscription.of(group, EnumSet.of(Topic.ATTACK), 0, T0));
            store.recordEntry("https://wire.test/a.rss", Stories.story("s1", "Strike", T0), Stories.attack(true),
                    true, T0, List.of(group));
            DeliveryLoop loop = new DeliveryLoop(new DeliveryWorker(store.subscriptions(), List.of(telegram),
                    RateLimits::forPlatform, clock, DeliverySettings.defaults()), store.subscriptions(), clock);

            assertThat(loop.round().migrations()).hasSize(1);
            assertThat(store.subscriptions().subscription(supergroup).orElseThrow().paused()).isFalse();

            clock.advance(java.time.Duration.ofSeconds(3));
            assertThat(loop.round().sent()).isEqualTo(1);
            assertThat(sentTo).containsExactly("-4001", "-1004001");
            assertThat(store.subscriptions().sentMessageId("s1", supergroup)).contains("7");
            loop.close();
        }
    }

    /** A Telegram adapter that sends everything and logs the story ids it sent. */
    private static ChatPlatform recording(List<String> log) {
        return new ChatPlatform() {
            @Override
            public Platform platform() {
                return Platform.TELEGRAM;
            }

            @Override
            public SendResult send(Target target, Story story, Assessment assessment) {
                log.add(story.id());
                return new SendResult.Sent("m" + log.size());
            }

            @Override
            public SendResult edit(Target target, String messageId, Story story, Assessment assessment) {
                return new SendResult.Sent(messageId);
            }

            @Override
            public SendResult reply(Target target, String messageId, String text) {
                return new SendResult.Sent("r");
            }

            @Override
            public SendResult sendDigest(Target target, List<OutboxItem> items) {
                return new SendResult.Sent("d");
            }
        };
    }

    private static DeliveryLoop loop(JdbcNewsStore store, MutableClock clock, List<String> log, String owner) {
        return new DeliveryLoop(new DeliveryWorker(store.subscriptions(), List.of(recording(log)),
                RateLimits::forPlatform, clock, DeliverySettings.defaults()), store.subscriptions(), clock, owner);
    }

    @Test
    void twoInstancesOnOneDatabaseNeverBothDeliver() {
        Target chat = Target.chat(Platform.TELEGRAM, "5550001");
        MutableClock clock = new MutableClock(T0);
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        String db = "jdbc:sqlite:" + dir.resolve("two.db");
        try (JdbcNewsStore a = JdbcNewsStore.open(db); JdbcNewsStore b = JdbcNewsStore.open(db)) {
            a.recordEntry("https://wire.test/a.rss", Stories.story("s1", "Strike", T0), Stories.attack(true), true,
                    T0, List.of(chat));
            DeliveryLoop loopA = loop(a, clock, first, "host-a/100/aaaaaa");
            DeliveryLoop loopB = loop(b, clock, second, "host-b/200/bbbbbb");

            assertThat(loopA.round().sent()).isEqualTo(1);
            a.recordEntry("https://wire.test/a.rss", Stories.story("s2", "Strike", T0), Stories.attack(true), true,
                    T0, List.of(chat));
            clock.advance(java.time.Duration.ofSeconds(5));
            assertThat(loopB.round().sent()).isZero();
            assertThat(b.subscriptions().leaseHolder(DeliveryLoop.LEASE)).contains("host-a/100/aaaaaa");

            java.util.concurrent.atomic.AtomicInteger takeOversA = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.atomic.AtomicInteger takeOversB = new java.util.concurrent.atomic.AtomicInteger();
            loopA.onTakeOver(takeOversA::incrementAndGet);
            loopB.onTakeOver(takeOversB::incrementAndGet);
            assertThat(loopB.round().sent()).isZero();
            assertThat(takeOversB).hasValue(0);

            loopA.close();   // a clean stop hands the outbox over at once
            assertThat(loopB.round().sent()).isEqualTo(1);
            assertThat(first).containsExactly("s1");
            assertThat(second).containsExactly("s2");
            // the waiting instance's hook (run starts its command bots there) runs once, at the take-over
            assertThat(takeOversB).hasValue(1);
            loopB.round();
            assertThat(takeOversB).hasValue(1);
            assertThat(takeOversA).hasValue(0);
            loopB.close();
        }
    }

    @Test
    void aLeaseOfADeadProcessOnThisHostIsTakenOverAtOnceAndAnotherHostsOnlyWhenItLapses() throws Exception {
        Process gone = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-version").redirectErrorStream(true).redirectOutput(dir.resolve("v.txt").toFile()).start();
        gone.waitFor();
        String host = InstanceId.current().split("/")[0];
        MutableClock clock = new MutableClock(T0);
        try (JdbcNewsStore store = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("dead.db"))) {
            var subs = store.subscriptions();
            assertThat(subs.acquireLease(DeliveryLoop.LEASE, host + "/" + gone.pid() + "/dead00", T0,
                    DeliveryLoop.LEASE_TTL, owner -> false)).isTrue();
            assertThat(subs.acquireLease(DeliveryLoop.LEASE, "me/1/mine00", T0, DeliveryLoop.LEASE_TTL,
                    InstanceId::isGone)).isTrue();

            assertThat(subs.acquireLease(DeliveryLoop.LEASE, "elsewhere/1/other0", T0, DeliveryLoop.LEASE_TTL,
                    InstanceId::isGone)).isFalse();
            assertThat(subs.acquireLease(DeliveryLoop.LEASE, "elsewhere/1/other0", T0.plus(DeliveryLoop.LEASE_TTL),
                    DeliveryLoop.LEASE_TTL, InstanceId::isGone)).isTrue();
        }
    }
}
