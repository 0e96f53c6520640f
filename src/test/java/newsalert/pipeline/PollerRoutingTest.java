package newsalert.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import newsalert.config.FeedConfig;
import newsalert.config.PollSettings;
import newsalert.store.ChatFeed;
import newsalert.store.OutboxItem;
import newsalert.store.OutboxKind;
import newsalert.store.SubscriptionStore;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.story.Assessment;
import newsalert.story.Story;
import newsalert.story.Topic;
import newsalert.subscription.KeywordRule;
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

/** The poller with routing: outbox rows per subscription, chat-added feeds, edits of revised stories. */
class PollerRoutingTest {
    /** The failing feeds these tests poll on purpose log WARN lines: captured, off the console. */
    @RegisterExtension
    final LogCapture.PerTest pollerLog = LogCapture.perTest(Poller.class);

    private static final Instant T0 = Instant.parse("2025-08-28T15:00:00Z");
    private static final PollSettings SETTINGS =
            new PollSettings(Duration.ofMinutes(5), Duration.ofHours(24), Duration.ofMinutes(30));
    private static final FeedConfig WIRE = new FeedConfig("http://127.0.0.1/wire.xml", "Local Wire", null);
    private static final String CHAT_FEED = "https://chat-feed.test/rss";
    private static final Target GROUP = Target.chat(Platform.TELEGRAM, "-1001234567890");
    private static final Target ALICE = Target.chat(Platform.TELEGRAM, "5550001");
    private static final Target DIPLOMATS = Target.chat(Platform.TELEGRAM, "5550002");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);
    private final UrlReader configuredReader = new UrlReader();
    private final UrlReader chatReader = new UrlReader();
    private JdbcNewsStore store;
    private SubscriptionStore subs;

    @BeforeEach
    void open() {
        store = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("r.db"));
        subs = store.subscriptions();
        subs.saveSubscription(Subscription.of(GROUP, EnumSet.of(Topic.ATTACK), 40, T0));
        subs.saveSubscription(Subscription.of(ALICE, EnumSet.allOf(Topic.class), 90, T0));
        subs.saveSubscription(Subscription.of(DIPLOMATS, EnumSet.of(Topic.DIPLOMACY), 0, T0));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Poller poller() {
        return new Poller(store, configuredReader, PollerRoutingTest::assess, SETTINGS, clock,
                new Routing(subs, store.chatFeeds(), chatReader));
    }

    /** A poller that also groups stories into events (one alert per event), as {@code run} builds it. */
    private Poller pollerWithEvents() {
        return new Poller(store, configuredReader, PollerRoutingTest::assess, SETTINGS, clock,
                new Routing(subs, store.chatFeeds(), chatReader),
                new EventTracker(newsalert.event.EventSettings.defaults(), 1));
    }

    /** Titles starting with "Strike" are attacks (severity 80, 19 killed); a number after "toll" replaces 19. */
    private static Assessment assess(Story s) {
        if (!s.title().startsWith("Strike")) {
            return Stories.nothing();
        }
        int at = s.title().indexOf("toll ");
        return at < 0 ? Stories.attackKilling(19) : Stories.attackKilling(Integer.parseInt(s.title().substring(at + 5)));
    }

    private static ReadResult read(Story... stories) {
        return new ReadResult.Read("Feed", List.of(stories), null, null);
    }

    /** @return the story id the poller gives entry {@code entryId} of the chat-added test feed */
    private static String chatId(String entryId) {
        return ChatStoryIds.of(CHAT_FEED, entryId);
    }

    private List<String> pendingTo(Target t) {
        return subs.pendingOutbox(t, 50).stream().map(r -> r.story().id() + ":" + r.kind().wireName()).toList();
    }

    @Test
    void aNewAttackGetsOneRowPerMatchingSubscriptionButNotOnTheFirstPoll() {
        Story backCatalogue = Stories.story("old", "Strike in the back catalogue", T0);
        configuredReader.next(WIRE.url(), read(backCatalogue));
        poller().pollDue(List.of(WIRE));
        assertThat(subs.pendingTargets()).isEmpty();

        clock.advance(Duration.ofMinutes(5));
        configuredReader.next(WIRE.url(), read(backCatalogue, Stories.story("s1", "Strike on a depot", T0),
                Stories.story("s2", "Football final tonight", T0)));
        poller().pollDue(List.of(WIRE));

        // the group takes attacks of severity 40+; Alice wants 90+; the diplomats want diplomacy only
        assertThat(pendingTo(GROUP)).containsExactly("s1:send");
        assertThat(pendingTo(ALICE)).isEmpty();
        assertThat(pendingTo(DIPLOMATS)).isEmpty();
    }

    @Test
    void moderatorKeywordRulesOfAChatApplyToItsSubscriptions() {
        subs.addKeywordRule(new KeywordRule(Platform.TELEGRAM, GROUP.chatId(), "depot", KeywordRule.Kind.EXCLUDE,
                "7", T0));
        configuredReader.next(WIRE.url(), read());
        poller().pollDue(List.of(WIRE));
        clock.advance(Duration.ofMinutes(5));
        configuredReader.next(WIRE.url(), read(Stories.story("s1", "Strike on a depot", T0),
                Stories.story("s2", "Strike on a bridge", T0)));
        poller().pollDue(List.of(WIRE));

        assertThat(pendingTo(GROUP)).containsExactly("s2:send");
    }

    @Test
    void aChatAddedFeedIsPolledWithItsOwnReaderAndAlertsOnlyThatChat() {
        Target other = Target.chat(Platform.TELEGRAM, "-100777");
        subs.saveSubscription(Subscription.of(other, EnumSet.of(Topic.ATTACK), 0, T0));
        store.chatFeeds().addChatFeed(new ChatFeed(Platform.TELEGRAM, GROUP.chatId(), CHAT_FEED, "7", T0));
        chatReader.next(CHAT_FEED, read());
        poller().pollDue(List.of());
        clock.advance(Duration.ofMinutes(5));
        chatReader.next(CHAT_FEED, read(Stories.story("c1", "Strike near the port", T0)));
        poller().pollDue(List.of());

        assertThat(chatReader.urls).containsExactly(CHAT_FEED, CHAT_FEED);
        assertThat(configuredReader.urls).isEmpty();
        assertThat(pendingTo(GROUP)).containsExactly(chatId("c1") + ":send");
        assertThat(pendingTo(other)).isEmpty();
        // not a global alert: other chats' /latest and the console do not show it; the adding chat's does
        assertThat(store.queries().latestAlerts(other, 10, null)).isEmpty();
        assertThat(store.queries().latestAlerts(GROUP, 10, null)).extracting(s -> s.story().id())
                .containsExactly(chatId("c1"));
        // and stored chat-only: another chat cannot look it up
        assertThat(store.queries().story(other, chatId("c1"))).isEmpty();
        assertThat(store.queries().story(GROUP, chatId("c1"))).isPresent();
    }

    @Test
    void withEventsAChatAddedFeedStillAlertsOnlyThatChatAndNotGlobally() {
        Poller withEvents = pollerWithEvents();
        store.chatFeeds().addChatFeed(new ChatFeed(Platform.TELEGRAM, GROUP.chatId(), CHAT_FEED, "7", T0));
        chatReader.next(CHAT_FEED, read());
        withEvents.pollDue(List.of());
        clock.advance(Duration.ofMinutes(5));
        chatReader.next(CHAT_FEED, read(Stories.story("c1", "Strike near the port", T0)));
        withEvents.pollDue(List.of());

        assertThat(pendingTo(GROUP)).containsExactly(chatId("c1") + ":send");
        assertThat(store.queries().latestAlerts(DIPLOMATS, 10, null)).isEmpty();
    }

    @Test
    void aChatAddedFeedCannotReviseTheSharedEventOtherChatsWereSent() {
        Target other = Target.chat(Platform.TELEGRAM, "-100777");
        subs.saveSubscription(Subscription.of(other, EnumSet.of(Topic.ATTACK), 0, T0));
        Poller withEvents = pollerWithEvents();
        store.chatFeeds().addChatFeed(new ChatFeed(Platform.TELEGRAM, GROUP.chatId(), CHAT_FEED, "7", T0));
        configuredReader.next(WIRE.url(), read());
        chatReader.next(CHAT_FEED, read());
        withEvents.pollDue(List.of(WIRE));
        clock.advance(Duration.ofMinutes(5));
        configuredReader.next(WIRE.url(), read(Stories.story("w1", "Strike on Dnipro depot", T0)));
        withEvents.pollDue(List.of(WIRE));
        OutboxItem sent = subs.pendingOutbox(other, 5).get(0);
        subs.markSent(sent.id(), "9", clock.instant());

        // the same strike, "reported" by a feed one chat added, with an absurd toll
        clock.advance(Duration.ofMinutes(5));
        configuredReader.next(WIRE.url(), read(Stories.story("w1", "Strike on Dnipro depot", T0)));
        chatReader.next(CHAT_FEED, read(Stories.story("x1", "Strike on Dnipro depot, toll 500", T0)));
        withEvents.pollDue(List.of(WIRE));

        assertThat(pendingTo(other)).isEmpty();
        assertThat(pendingTo(GROUP)).contains(chatId("x1") + ":send");
    }

    @Test
    void aConfiguredFeedsStoryWithTheGuidOfAChatFeedsEntryIsItsOwnSharedStory() {
        store.chatFeeds().addChatFeed(new ChatFeed(Platform.TELEGRAM, GROUP.chatId(), CHAT_FEED, "7", T0));
        configuredReader.next(WIRE.url(), read());
        chatReader.next(CHAT_FEED, read());
        poller().pollDue(List.of(WIRE));
        clock.advance(Duration.ofMinutes(5));
        chatReader.next(CHAT_FEED, read(Stories.story("s1", "Strike on a rail yard, toll 500", T0)));
        configuredReader.next(WIRE.url(), read());
        poller().pollDue(List.of(WIRE));
        assertThat(store.queries().story(GROUP, chatId("s1"))).isPresent();
        assertThat(store.queries().story(DIPLOMATS, chatId("s1"))).isEmpty();

        clock.advance(Duration.ofMinutes(5));
        configuredReader.next(WIRE.url(), read(Stories.story("s1", "Strike on a rail yard", T0)));
        poller().pollDue(List.of(WIRE));
        // the configured feed's story is alerted as usual, with its own words and toll, for everyone to see
        assertThat(pendingTo(GROUP)).containsExactly(chatId("s1") + ":send", "s1:send");
        assertThat(subs.pendingOutbox(GROUP, 5).get(1).assessment().casualties().killed().min()).isEqualTo(19);
        assertThat(store.queries().story(DIPLOMATS, "s1")).get()
                .satisfies(st -> assertThat(st.story().title()).isEqualTo("Strike on a rail yard"));
        assertThat(store.queries().searchTitles(DIPLOMATS, List.of("rail"), 5)).extracting(st -> st.story().id())
                .containsExactly("s1");
    }

    @Test
    void withEventsAChatFeedCarryingAGuidFirstNeitherBlocksNorRewritesTheConfiguredAlert() {
        String other = "https://other-chat-feed.test/rss";
        Poller withEvents = pollerWithEvents();
        store.chatFeeds().addChatFeed(new ChatFeed(Platform.TELEGRAM, DIPLOMATS.chatId(), other, "8", T0));
        configuredReader.next(WIRE.url(), read());
        chatReader.next(other, read());
        withEvents.pollDue(List.of(WIRE));
        clock.advance(Duration.ofMinutes(5));
        configuredReader.next(WIRE.url(), read());
        chatReader.next(other, read(Stories.story("s9", "Strike on a bridge: fake news, toll 500", T0)));
        withEvents.pollDue(List.of(WIRE));
        clock.advance(Duration.ofMinutes(5));
        configuredReader.next(WIRE.url(), read(Stories.story("s9", "Strike on a bridge", T0)));
        chatReader.next(other, read(Stories.story("s9", "Strike on a bridge: fake news, toll 500", T0)));
        withEvents.pollDue(List.of(WIRE));

        assertThat(pendingTo(GROUP)).containsExactly("s9:send");
        assertThat(subs.pendingOutbox(GROUP, 5).get(0).story().title()).isEqualTo("Strike on a bridge");
        assertThat(store.queries().latestAlerts(GROUP, 5, null)).extracting(st -> st.story().title())
                .containsExactly("Strike on a bridge");
        assertThat(store.queries().searchTitles(GROUP, List.of("fake"), 5)).isEmpty();
    }

    @Test
    void anotherChatsFeedCarryingTheSameGuidCannotEditAChatsAlert() {
        String other = "https://other-chat-feed.test/rss";
        store.chatFeeds().addChatFeed(new ChatFeed(Platform.TELEGRAM, GROUP.chatId(), CHAT_FEED, "7", T0));
        store.chatFeeds().addChatFeed(new ChatFeed(Platform.TELEGRAM, DIPLOMATS.chatId(), other, "8", T0));
        configuredReader.next(WIRE.url(), read());
        chatReader.next(CHAT_FEED, read());
        chatReader.next(other, read());
        poller().pollDue(List.of(WIRE));
        clock.advance(Duration.ofMinutes(5));
        configuredReader.next(WIRE.url(), read());
        chatReader.next(CHAT_FEED, read(Stories.story("c1", "Strike on a bridge", T0)));
        chatReader.next(other, read());
        poller().pollDue(List.of(WIRE));
        OutboxItem sent = subs.pendingOutbox(GROUP, 5).get(0);
        subs.markSent(sent.id(), "43", clock.instant());

        // the other chat's feed copies the entry's guid, then "republishes" it with another toll
        for (String title : List.of("Strike on a bridge", "Strike on a bridge, toll 500")) {
            clock.advance(Duration.ofMinutes(5));
            configuredReader.next(WIRE.url(), read());
            chatReader.next(CHAT_FEED, read(Stories.story("c1", "Strike on a bridge", T0)));
            chatReader.next(other, read(Stories.story("c1", title, T0)));
            poller().pollDue(List.of(WIRE));
        }

        assertThat(pendingTo(GROUP)).isEmpty();
        assertThat(store.queries().story(GROUP, chatId("c1"))).get()
                .satisfies(st -> assertThat(st.assessment().casualties().killed().min()).isEqualTo(19));
        assertThat(store.queries().story(DIPLOMATS, chatId("c1"))).isEmpty();
    }

    @Test
    void aChatFeedThatIsAlsoConfiguredIsReadOnceAsConfiguredAndAlertsEveryone() {
        store.chatFeeds().addChatFeed(new ChatFeed(Platform.TELEGRAM, "-100777", WIRE.url(), "7", T0));
        configuredReader.next(WIRE.url(), read());
        poller().pollDue(List.of(WIRE));
        clock.advance(Duration.ofMinutes(5));
        configuredReader.next(WIRE.url(), read(Stories.story("s1", "Strike on a depot", T0)));
        poller().pollDue(List.of(WIRE));

        assertThat(chatReader.urls).isEmpty();
        assertThat(configuredReader.urls).hasSize(2);
        assertThat(pendingTo(GROUP)).containsExactly("s1:send");
    }

    @Test
    void aRisingTollInARepublishedEntryQueuesAnEditOfTheSentAlert() {
        configuredReader.next(WIRE.url(), read());
        poller().pollDue(List.of(WIRE));
        clock.advance(Duration.ofMinutes(5));
        configuredReader.next(WIRE.url(), read(Stories.story("s1", "Strike on a depot", T0)));
        poller().pollDue(List.of(WIRE));
        OutboxItem sent = subs.pendingOutbox(GROUP, 5).get(0);
        subs.markSent(sent.id(), "42", clock.instant());

        clock.advance(Duration.ofMinutes(5));
        configuredReader.next(WIRE.url(), read(Stories.story("s1", "Strike on a depot, toll 23", T0)));
        poller().pollDue(List.of(WIRE));

        List<OutboxItem> pending = subs.pendingOutbox(GROUP, 5);
        assertThat(pending).extracting(OutboxItem::kind).containsExactly(OutboxKind.EDIT);
        assertThat(pending.get(0).assessment().casualties().killed().min()).isEqualTo(23);
        assertThat(subs.sentMessageId("s1", GROUP)).contains("42");
    }

    @Test
    void aChatFeedRepublishingASharedStoryIdCannotEditWhatOtherChatsWereSent() {
        store.chatFeeds().addChatFeed(new ChatFeed(Platform.TELEGRAM, ALICE.chatId(), CHAT_FEED, "7", T0));
        configuredReader.next(WIRE.url(), read());
        chatReader.next(CHAT_FEED, read());
        poller().pollDue(List.of(WIRE));
        clock.advance(Duration.ofMinutes(5));
        configuredReader.next(WIRE.url(), read(Stories.story("s1", "Strike on a depot", T0)));
        chatReader.next(CHAT_FEED, read());
        poller().pollDue(List.of(WIRE));
        OutboxItem sent = subs.pendingOutbox(GROUP, 5).get(0);
        subs.markSent(sent.id(), "42", clock.instant());

        // the chat's feed copies the shared story's id, then "republishes" it with another toll
        clock.advance(Duration.ofMinutes(5));
        configuredReader.next(WIRE.url(), read(Stories.story("s1", "Strike on a depot", T0)));
        chatReader.next(CHAT_FEED, read(Stories.story("s1", "Strike on a depot", T0)));
        poller().pollDue(List.of(WIRE));
        clock.advance(Duration.ofMinutes(5));
        configuredReader.next(WIRE.url(), read(Stories.story("s1", "Strike on a depot", T0)));
        chatReader.next(CHAT_FEED, read(Stories.story("s1", "Strike on a depot, toll 500", T0)));
        poller().pollDue(List.of(WIRE));

        assertThat(pendingTo(GROUP)).isEmpty();
        assertThat(store.queries().story(GROUP, "s1")).get()
                .satisfies(st -> assertThat(st.assessment().casualties().killed().min()).isEqualTo(19));
    }

    @Test
    void aChatOnlyStoryRepublishedByItsFeedEditsTheChatsAlert() {
        store.chatFeeds().addChatFeed(new ChatFeed(Platform.TELEGRAM, GROUP.chatId(), CHAT_FEED, "7", T0));
        configuredReader.next(WIRE.url(), read());
        chatReader.next(CHAT_FEED, read());
        poller().pollDue(List.of(WIRE));
        clock.advance(Duration.ofMinutes(5));
        configuredReader.next(WIRE.url(), read());
        chatReader.next(CHAT_FEED, read(Stories.story("c1", "Strike on a bridge", T0)));
        poller().pollDue(List.of(WIRE));
        OutboxItem sent = subs.pendingOutbox(GROUP, 5).get(0);
        subs.markSent(sent.id(), "43", clock.instant());

        clock.advance(Duration.ofMinutes(5));
        configuredReader.next(WIRE.url(), read());
        chatReader.next(CHAT_FEED, read(Stories.story("c1", "Strike on a bridge, toll 7", T0)));
        poller().pollDue(List.of(WIRE));

        assertThat(pendingTo(GROUP)).containsExactly(chatId("c1") + ":edit");
        assertThat(subs.pendingOutbox(GROUP, 5).get(0).assessment().casualties().killed().min()).isEqualTo(7);
    }

    /** Answers reads from per-URL queues and logs the URLs read. */
    private static final class UrlReader implements FeedReader {
        private final Map<String, Deque<ReadResult>> queues = new HashMap<>();
        final List<String> urls = new ArrayList<>();

        synchronized void next(String url, ReadResult r) {
            queues.computeIfAbsent(url, u -> new ArrayDeque<>()).add(r);
        }

        @Override
        public synchronized ReadResult read(String location, String etag, String lastModified, Instant now) {
            urls.add(location);
            Deque<ReadResult> q = queues.get(location);
            return q == null || q.isEmpty() ? new ReadResult.Failed("no scripted result") : q.poll();
        }
    }
}
