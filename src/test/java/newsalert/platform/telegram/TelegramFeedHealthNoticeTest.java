package newsalert.platform.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import newsalert.config.PollSettings;
import newsalert.delivery.DeliverySettings;
import newsalert.delivery.DeliveryWorker;
import newsalert.delivery.RateLimits;
import newsalert.pipeline.FeedReader;
import newsalert.pipeline.Poller;
import newsalert.pipeline.ReadResult;
import newsalert.pipeline.Routing;
import newsalert.store.ChatFeed;
import newsalert.store.OutboxStatus;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.story.Topic;
import newsalert.subscription.Platform;
import newsalert.subscription.Subscription;
import newsalert.subscription.Target;
import newsalert.testing.LogCapture;
import newsalert.testing.MutableClock;
import newsalert.testing.Stories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feed health in a Telegram chat end to end, time on the injected clock: a chat feed failing for 24 h → the poller's
 * health watch queues a notice (no story behind it) → the delivery worker sends it through the real TelegramBots
 * client to the fake Bot API as plain text; 7 days → the turned-off notice.
 */
class TelegramFeedHealthNoticeTest {
    /** The failing feeds these tests poll on purpose log WARN lines: captured, off the console. */
    @RegisterExtension
    final LogCapture.PerTest pollerLog = LogCapture.perTest(Poller.class);

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final Target GROUP = Target.chat(Platform.TELEGRAM, "-1001234567890");
    private static final String URL = "https://broken.example.org/rss";

    @TempDir
    Path dir;

    private FakeTelegramApi fake;
    private TelegramPlatform platform;
    private JdbcNewsStore store;
    private final MutableClock clock = new MutableClock(T0);

    @BeforeEach
    void start() throws IOException {
        fake = new FakeTelegramApi();
        platform = new TelegramPlatform(fake.settings(Duration.ofSeconds(1)));
        store = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("t.db"));
        store.subscriptions().saveSubscription(Subscription.of(GROUP, EnumSet.of(Topic.ATTACK), 40, T0));
        store.chatFeeds().addChatFeed(new ChatFeed(Platform.TELEGRAM, GROUP.chatId(), URL, "7", T0));
    }

    @AfterEach
    void stop() {
        platform.close();
        fake.close();
        store.close();
    }

    private void cycleAndDeliverAt(Duration since) {
        clock.set(T0.plus(since));
        FeedReader reader = (location, etag, lastModified, now) -> new ReadResult.Failed("HTTP 410 Gone", null);
        new Poller(store, reader, s -> Stories.nothing(), new PollSettings(Duration.ofMinutes(5), Duration.ofHours(24),
                Duration.ofHours(1)), clock, new Routing(store.subscriptions(), store.chatFeeds(), reader))
                .pollDue(List.of());
        new DeliveryWorker(store.subscriptions(), List.of(platform), RateLimits::forPlatform, clock,
                DeliverySettings.defaults()).deliverDue(clock.instant());
    }

    @Test
    void theChatIsToldAfter24HoursAndWhenTheFeedIsTurnedOff() {
        cycleAndDeliverAt(Duration.ZERO);
        cycleAndDeliverAt(Duration.ofHours(23));
        assertThat(fake.sent()).isEmpty();

        cycleAndDeliverAt(Duration.ofHours(24));
        cycleAndDeliverAt(Duration.ofHours(48));
        assertThat(fake.sent()).singleElement().satisfies(s -> {
            assertThat(s.chatId()).isEqualTo(GROUP.chatId());
            assertThat(s.parseMode()).isNull();
            assertThat(s.text()).isEqualTo("The feed https://broken.example.org/rss has failed every poll since"
                    + " 2026-12-01 10:00 UTC: HTTP 410 Gone. It is still tried; after 7 days of failures it is"
                    + " turned off for this chat. See: /feeds list");
        });

        cycleAndDeliverAt(Duration.ofDays(7));
        assertThat(fake.sent()).hasSize(2);
        assertThat(fake.sent().get(1).text()).startsWith("Turned off: the feed https://broken.example.org/rss failed"
                + " every poll for 7 days (since 2026-12-01 10:00 UTC): HTTP 410 Gone.");
        assertThat(store.subscriptions().pendingOutbox(GROUP, 10)).isEmpty();
        assertThat(store.queries().delivery("feed-health:" + URL, GROUP)).hasValue(OutboxStatus.SENT);
    }
}
