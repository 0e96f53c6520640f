package newsalert.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import newsalert.delivery.AlertStyle;
import newsalert.delivery.Brief;
import newsalert.delivery.ChatPlatform;
import newsalert.delivery.DeliverySettings;
import newsalert.delivery.DeliveryWorker;
import newsalert.delivery.RateLimits;
import newsalert.delivery.SendResult;
import newsalert.store.OutboxItem;
import newsalert.store.SubscriptionStore;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.story.Assessment;
import newsalert.story.Casualties;
import newsalert.story.Story;
import newsalert.story.Topic;
import newsalert.subscription.ChatSettings;
import newsalert.subscription.Platform;
import newsalert.subscription.Subscription;
import newsalert.subscription.Target;
import newsalert.testing.LogCapture;
import newsalert.testing.ManualScheduler;
import newsalert.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * brief18b: {@code run} queues the daily briefs on a task of its own ({@link BriefLoop}, injected clock and
 * scheduler), wakes the delivery when rows were queued, and logs a failing look without stopping.
 */
class BriefLoopTest {
    private static final Target CHAT = Target.chat(Platform.TELEGRAM, "-1001");
    private static final Instant EIGHT = Instant.parse("2025-08-28T08:00:00Z");

    @RegisterExtension
    final LogCapture.PerTest log = LogCapture.perTest(BriefLoop.class);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2025-08-27T09:00:00Z"));
    private final ManualScheduler scheduler = new ManualScheduler();
    private final AtomicInteger wakes = new AtomicInteger();
    private JdbcNewsStore news;
    private DeliveryWorker worker;

    private final ChatPlatform telegram = new ChatPlatform() {
        @Override
        public Platform platform() {
            return Platform.TELEGRAM;
        }

        @Override
        public SendResult send(Target target, Story story, Assessment assessment) {
            return new SendResult.Sent("m");
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

        @Override
        public boolean briefFits(Brief part) {
            return true;
        }

        @Override
        public SendResult sendBrief(Target target, Brief brief, AlertStyle style) {
            return new SendResult.Sent("b");
        }
    };

    @BeforeEach
    void open() {
        news = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("loop.db"));
        SubscriptionStore subs = news.subscriptions();
        subs.saveSubscription(Subscription.of(CHAT, EnumSet.allOf(Topic.class), 0, clock.instant()));
        subs.saveChatSettings(ChatSettings.defaults(Platform.TELEGRAM, CHAT.chatId()).withBrief(LocalTime.of(8, 0)),
                clock.instant());
        Instant at = Instant.parse("2025-08-27T10:00:00Z");
        news.recordEntry("https://wire.test/rss", new Story("s-1", "Wire A", "A strike", "https://news.test/1", at,
                "A strike."), new Assessment(Set.of(Topic.ATTACK), 70, List.of(), Casualties.NONE, List.of(), true),
                true, at, List.of(CHAT));
        worker = new DeliveryWorker(subs, List.of(telegram), p -> RateLimits.telegram(), clock,
                DeliverySettings.defaults());
    }

    @AfterEach
    void close() {
        news.close();
    }

    @Test
    void eachLookRunsOnTheLoopsOwnTaskAndWakesTheDeliveryWhenABriefWasQueued() {
        BriefLoop loop = new BriefLoop(worker, clock, wakes::incrementAndGet, scheduler);
        loop.start(Duration.ofSeconds(1));
        clock.set(EIGHT.minusSeconds(1));
        scheduler.runPeriodic();
        assertThat(wakes).hasValue(0);
        clock.set(EIGHT);
        scheduler.runPeriodic();
        assertThat(wakes).hasValue(1);
        assertThat(news.subscriptions().pendingOutbox(CHAT, 5)).hasSize(2); // the alert and its brief
        clock.set(EIGHT.plusSeconds(1));
        scheduler.runPeriodic();
        assertThat(wakes).hasValue(1);
        assertThat(log.capture().lines()).containsExactly("INFO daily briefs: 1 message(s) queued");
    }

    @Test
    void aFailingLookIsLoggedAndTheNextMinuteTriesAgain() {
        BriefLoop loop = new BriefLoop(worker, clock, wakes::incrementAndGet, scheduler);
        news.close();
        clock.set(EIGHT);
        assertThat(loop.tick()).isZero();
        assertThat(wakes).hasValue(0);
        assertThat(log.capture().lines()).singleElement().asString()
                .startsWith("WARN queueing the daily briefs failed, the next minute tries again: ");
        news = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("loop.db"));
    }
}
