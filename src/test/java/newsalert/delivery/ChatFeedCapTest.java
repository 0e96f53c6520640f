package newsalert.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import newsalert.config.FeedConfig;
import newsalert.config.PollSettings;
import newsalert.pipeline.ChatStoryIds;
import newsalert.pipeline.FeedReader;
import newsalert.pipeline.Poller;
import newsalert.pipeline.ReadResult;
import newsalert.pipeline.Routing;
import newsalert.store.ChatFeed;
import newsalert.store.OutboxKind;
import newsalert.store.OutboxStatus;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.story.Assessment;
import newsalert.story.Story;
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
import newsalert.testing.StoreKind;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code chat-feeds.max-alerts-per-hour}: a chat-added feed that brings a chat more alerts and toll updates in
 * an hour than the cap has the rest held for one digest at the end of the hour, and the chat is told once;
 * configured feeds are not capped; windows and held rows survive a restart. Time is driven by the clock.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class ChatFeedCapTest {
    /** The failing feeds these tests poll on purpose log WARN lines: captured, off the console. */
    @RegisterExtension
    final LogCapture.PerTest pollerLog = LogCapture.perTest(Poller.class);

    @Parameter
    StoreKind kind;

    private static final Instant T0 = Instant.parse("2025-08-28T15:00:00Z");
    private static final PollSettings SETTINGS =
            new PollSettings(Duration.ofMinutes(5), Duration.ofHours(24), Duration.ofMinutes(30));
    private static final String CHAT_FEED = "https://chat-feed.test/rss";
    private static final FeedConfig WIRE = new FeedConfig("http://127.0.0.1/wire.xml", "Local Wire", null);
    private static final Target GROUP = Target.chat(Platform.TELEGRAM, "-1001234567890");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);
    /** The entries each feed lists now (a feed lists its old entries too). */
    private final List<Story> chatEntries = new ArrayList<>();
    private final List<Story> wireEntries = new ArrayList<>();
    private final FeedReader reader = (url, etag, lastModified, now) ->
            new ReadResult.Read("Feed", List.copyOf(url.equals(CHAT_FEED) ? chatEntries : wireEntries), null, null);
    private JdbcNewsStore store;
    private final ScriptedPlatform telegram = new ScriptedPlatform(Platform.TELEGRAM, clock);

    @BeforeEach
    void open() {
        reopen();
        store.subscriptions().saveSubscription(Subscription.of(GROUP, EnumSet.of(Topic.ATTACK), 40, T0));
    }

    /** Opens the store file again, as a restart does. */
    private void reopen() {
        if (store != null) {
            store.close();
        }
        store = JdbcNewsStore.open(kind.url(dir));
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** Titles starting with "Strike" are attacks (severity 80); "toll N" sets the killed count, else 19. */
    private static Assessment assess(Story s) {
        if (!s.title().startsWith("Strike")) {
            return Stories.nothing();
        }
        int at = s.title().indexOf("toll ");
        return at < 0 ? Stories.attackKilling(19) : Stories.attackKilling(Integer.parseInt(s.title().substring(at + 5)));
    }

    /** One poll of the given configured feeds and the chat feed, then one delivery round, as {@code run} does. */
    private void pollAndDeliver(int cap, List<FeedConfig> configured) {
        try (Poller poller = new Poller(store, reader, ChatFeedCapTest::assess, SETTINGS, clock,
                new Routing(store.subscriptions(), store.chatFeeds(), reader, cap))) {
            poller.pollAll(configured);
        }
        deliver();
    }

    private void deliver() {
        new DeliveryWorker(store.subscriptions(), List.of(telegram), p -> RateLimits.telegram(), clock,
                DeliverySettings.defaults().withoutDigests()).deliverDue(clock.instant());
    }

    private static String chatId(String entryId) {
        return ChatStoryIds.of(CHAT_FEED, entryId);
    }

    /** @return what the chat was sent, in order: story ids, "digest:…", "reply:null:…" for the notice */
    private List<String> sent() {
        return telegram.storiesTo(GROUP);
    }

    @Test
    void twelveAlertsInAnHourGiveTenAlertsOneNoticeAndTheTwoOthersInOneDigestAfterTheHour() {
        store.chatFeeds().addChatFeed(new ChatFeed(Platform.TELEGRAM, GROUP.chatId(), CHAT_FEED, "7", T0));
        pollAndDeliver(10, List.of()); // first poll: records, no alerts
        for (int i = 1; i <= 12; i++) {
            clock.advance(Duration.ofMinutes(4)); // 12 alerts from 15:04 to 15:48
            chatEntries.add(Stories.story("c" + i, "Strike number " + i, clock.instant()));
            if (i == 6) {
                reopen(); // a restart in the middle of the hour keeps the window's count
            }
            pollAndDeliver(10, List.of());
        }
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            expected.add(chatId("c" + i));
        }
        String notice = "reply:null:Held back: the feed " + CHAT_FEED + " brought more than 10 alerts and toll updates"
                + " within an hour, the most a feed added with /feeds may send here (chat-feeds.max-alerts-per-hour in"
                + " the bot's settings). The rest of this hour's alerts from it come in one digest at 16:04 UTC.";
        expected.add(notice);
        assertThat(sent()).containsExactlyElementsOf(expected);

        // 16:03: the hour that opened with the first alert at 15:04 is not over; nothing more goes
        clock.set(Instant.parse("2025-08-28T16:03:00Z"));
        deliver();
        assertThat(sent()).hasSize(11);

        clock.set(Instant.parse("2025-08-28T16:04:00Z"));
        deliver();
        String digest = "digest:" + chatId("c11") + "," + chatId("c12");
        expected.add(digest);
        assertThat(sent()).containsExactlyElementsOf(expected);
        assertThat(store.subscriptions().pendingTargets()).isEmpty();
        assertThat(store.queries().delivery(chatId("c12"), GROUP)).contains(OutboxStatus.DROPPED);

        // a new hour: the next alert goes at once
        clock.advance(Duration.ofMinutes(1));
        chatEntries.add(Stories.story("c13", "Strike number 13", clock.instant()));
        pollAndDeliver(10, List.of());
        assertThat(sent()).hasSize(13).endsWith(digest, chatId("c13"));
    }

    @Test
    void tollUpdatesCountAgainstTheCapAndAHeldOneGoesInTheDigest() {
        store.chatFeeds().addChatFeed(new ChatFeed(Platform.TELEGRAM, GROUP.chatId(), CHAT_FEED, "7", T0));
        pollAndDeliver(2, List.of());
        clock.advance(Duration.ofMinutes(5));
        chatEntries.add(Stories.story("c1", "Strike on a depot", clock.instant()));
        pollAndDeliver(2, List.of());
        clock.advance(Duration.ofMinutes(5));
        chatEntries.set(0, Stories.story("c1", "Strike on a depot, toll 25", T0.plus(Duration.ofMinutes(5))));
        pollAndDeliver(2, List.of()); // the toll update is the second row of the hour: it goes
        clock.advance(Duration.ofMinutes(5));
        chatEntries.set(0, Stories.story("c1", "Strike on a depot, toll 31", T0.plus(Duration.ofMinutes(5))));
        pollAndDeliver(2, List.of()); // the third is held, and the chat told why

        assertThat(sent()).hasSize(3);
        assertThat(sent().get(0)).isEqualTo(chatId("c1"));
        assertThat(sent().get(1)).startsWith("edit:" + chatId("c1") + "@");
        assertThat(sent().get(2)).startsWith("reply:null:Held back: the feed " + CHAT_FEED + " brought more than 2")
                .endsWith("come in one digest at 16:05 UTC.");
        assertThat(store.subscriptions().releasedOutbox(GROUP, Instant.parse("2025-08-28T16:05:00Z"), 10))
                .extracting(r -> r.kind(), r -> r.assessment().casualties().killed().min())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(OutboxKind.EDIT, 31));

        clock.set(Instant.parse("2025-08-28T16:05:00Z"));
        deliver();
        // one held row goes as its own kind: the edit, showing the toll as it stands
        assertThat(sent()).hasSize(4);
        assertThat(sent().get(3)).startsWith("edit:" + chatId("c1") + "@");
    }

    /** tester18d: the notice named the digest's time in UTC in a chat that set its own zone. */
    @Test
    void theNoticeNamesTheDigestTimeInTheChatsZone() {
        store.subscriptions().saveChatSettings(newsalert.subscription.ChatSettings.defaults(Platform.TELEGRAM,
                GROUP.chatId()).withZone(java.time.ZoneId.of("Europe/Kyiv")), T0);
        store.chatFeeds().addChatFeed(new ChatFeed(Platform.TELEGRAM, GROUP.chatId(), CHAT_FEED, "7", T0));
        pollAndDeliver(1, List.of());
        for (int i = 1; i <= 2; i++) {
            clock.advance(Duration.ofMinutes(5)); // 15:05 opens the hour; 15:10 is held
            chatEntries.add(Stories.story("k" + i, "Strike number " + i, clock.instant()));
            pollAndDeliver(1, List.of());
        }
        // the digest comes at 16:05 UTC, 19:05 in Kyiv in summer (UTC+3)
        assertThat(sent()).hasSize(2);
        assertThat(sent().get(1)).startsWith("reply:null:Held back: the feed " + CHAT_FEED)
                .endsWith("come in one digest at 19:05 UTC+3.");
    }

    @Test
    void configuredFeedsAreNotCapped() {
        pollAndDeliver(10, List.of(WIRE));
        for (int i = 1; i <= 12; i++) {
            clock.advance(Duration.ofMinutes(4));
            wireEntries.add(Stories.story("w" + i, "Strike number " + i, clock.instant()));
            pollAndDeliver(10, List.of(WIRE));
        }
        assertThat(sent()).hasSize(12).allMatch(id -> id.startsWith("w"));
    }

    @Test
    void heldRowsDoNotHoldBackAConfiguredFeedsAlertToTheSameChat() {
        store.chatFeeds().addChatFeed(new ChatFeed(Platform.TELEGRAM, GROUP.chatId(), CHAT_FEED, "7", T0));
        pollAndDeliver(1, List.of(WIRE));
        clock.advance(Duration.ofMinutes(5));
        chatEntries.add(Stories.story("c1", "Strike number 1", clock.instant()));
        chatEntries.add(Stories.story("c2", "Strike number 2", clock.instant()));
        pollAndDeliver(1, List.of(WIRE));
        clock.advance(Duration.ofMinutes(5));
        wireEntries.add(Stories.story("w1", "Strike on the wire", clock.instant()));
        pollAndDeliver(1, List.of(WIRE));
        clock.advance(Duration.ofMinutes(1)); // a group chat takes one message per round here (rate limit)
        deliver();

        assertThat(sent()).hasSize(3);
        assertThat(sent().get(0)).isEqualTo(chatId("c1"));
        assertThat(sent().get(1)).startsWith("reply:null:Held back: the feed " + CHAT_FEED + " brought more than 1 ");
        assertThat(sent().get(2)).isEqualTo("w1");
        assertThat(store.subscriptions().pendingOutbox(GROUP, 10)).isEmpty();
        // c2, held until 16:05; and w1's global alert for the console, which this worker does not serve
        assertThat(store.subscriptions().pendingTargets()).containsExactly(GROUP, Target.CONSOLE);
    }
}
