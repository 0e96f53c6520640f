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
    @Test
    void aRoundThatThrowsAnErrorIsLoggedAndTheSeriesGoesOn() {
        Target chat = Target.chat(Platform.TELEGRAM, "5550002");
        MutableClock clock = new MutableClock(T0);
        List<String> log = new ArrayList<>();
        int[] calls = {0};
        ChatPlatform recording = recording(log);
        ChatPlatform failingOnce = new ChatPlatform() {
            @Override
            public Platform platform() {
                return Platform.TELEGRAM;
            }

            @Override
            public SendResult send(Target target, Story story, Assessment assessment) {
                if (calls[0]++ == 0) { // not a RuntimeException: the worker and the round let it through
                    throw new NoClassDefFoundError("okhttp3/internal/SomeClass");
                }
                return recording.send(target, story, assessment);
            }

            @Override
            public SendResult edit(Target target, String messageId, Story story, Assessment assessment) {
                return recording.edit(target, messageId, story, assessment);
            }

            @Override
            public SendResult reply(Target target, String messageId, String text) {
                return recording.reply(target, messageId, text);
            }

            @Override
            public SendResult sendDigest(Target target, List<OutboxItem> items) {
                return recording.sendDigest(target, items);
            }
        };
        newsalert.testing.ManualScheduler scheduler = new newsalert.testing.ManualScheduler();
        try (JdbcNewsStore store = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("error.db"))) {
            store.recordEntry("https://wire.test/a.rss", Stories.story("s1", "Strike", T0), Stories.attack(true), true,
                    T0, List.of(chat));
            DeliveryLoop loop = new DeliveryLoop(new DeliveryWorker(store.subscriptions(), List.of(failingOnce),
                    RateLimits::forPlatform, clock, DeliverySettings.defaults()), store.subscriptions(), clock, null,
                    scheduler);
            loop.start(java.time.Duration.ofSeconds(1));
            assertThat(scheduler.periodicCount()).isEqualTo(1);

            scheduler.runPeriodic(); // the Error reaches the task: it is caught there, not by the executor
            assertThat(calls[0]).isEqualTo(1);
            assertThat(log).isEmpty();
            assertThat(store.subscriptions().pendingOutbox(chat, 10)).hasSize(1);

            clock.advance(java.time.Duration.ofSeconds(1));
            scheduler.runPeriodic();
            assertThat(log).as("the next tick delivers").containsExactly("s1");
            assertThat(store.subscriptions().pendingOutbox(chat, 10)).isEmpty();

            loop.wake(); // a wake's round is guarded the same way
            assertThat(scheduler.queuedCount()).isEqualTo(1);
            loop.close();
        }
    }

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
    void twoInstancesShareTheOutboxChatByChatAndADeadOnesChatsPassAfterTheClaimLapses() {
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
            a.recordEntry("https://wire.test/a.rss", Stories.story("s3", "Strike", T0), Stories.attack(true), true,
                    T0, List.of(chat));
            clock.advance(java.time.Duration.ofSeconds(5));
            assertThat(loopB.round().sent()).as("A's chats").isZero();
            assertThat(b.subscriptions().chatClaimHolder(newsalert.store.ChatClaim.of(chat), clock.instant()))
                    .contains("host-a/100/aaaaaa");

            // A is killed (no round, no renewal, no close): its claims lapse 20 s after its last round
            clock.advance(java.time.Duration.ofSeconds(14));
            assertThat(loopB.round().sent()).isZero();
            clock.advance(java.time.Duration.ofSeconds(1));
            assertThat(loopB.round().sent()).isEqualTo(1);
            clock.advance(java.time.Duration.ofSeconds(1)); // Telegram's 1 message a second per chat
            assertThat(loopB.round().sent()).isEqualTo(1);
            assertThat(loopA.round().sent()).as("A, were it back, finds its chat taken").isZero();
            assertThat(first).containsExactly("s1");
            assertThat(second).as("in order, once").containsExactly("s2", "s3");
            loopB.close();
        }
    }

    @Test
    void aStoppedInstanceHandsItsChatsOverAtOnceAndARenewingOneKeepsThem() {
        Target chat = Target.chat(Platform.TELEGRAM, "5550001");
        MutableClock clock = new MutableClock(T0);
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        String db = "jdbc:sqlite:" + dir.resolve("stop.db");
        try (JdbcNewsStore a = JdbcNewsStore.open(db); JdbcNewsStore b = JdbcNewsStore.open(db)) {
            a.recordEntry("https://wire.test/a.rss", Stories.story("s1", "Strike", T0), Stories.attack(false), false,
                    T0, List.of(chat));
            DeliveryLoop loopA = loop(a, clock, first, "host-a/100/aaaaaa");
            DeliveryLoop loopB = loop(b, clock, second, "host-b/200/bbbbbb");
            assertThat(loopA.round().sent()).isEqualTo(1);
            a.recordEntry("https://wire.test/a.rss", Stories.story("s2", "Strike", T0), Stories.attack(false), false,
                    T0, List.of(chat));
            for (int i = 0; i < 6; i++) { // 30 s: A's renewal (its own thread in run) keeps the chat A's
                clock.advance(java.time.Duration.ofSeconds(5));
                loopA.renewClaims();
                assertThat(loopB.round().sent()).isZero();
            }
            loopA.close();
            assertThat(loopB.round().sent()).isEqualTo(1);
            assertThat(first).containsExactly("s1");
            assertThat(second).containsExactly("s2");
            loopB.close();
        }
    }
}
