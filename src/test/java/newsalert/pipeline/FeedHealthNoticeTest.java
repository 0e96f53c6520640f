package newsalert.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import newsalert.config.PollSettings;
import newsalert.store.ChatFeed;
import newsalert.store.OutboxItem;
import newsalert.store.OutboxKind;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.story.Story;
import newsalert.story.Topic;
import newsalert.subscription.ChatSettings;
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
 * Feed health in the chat: a chat feed failing for 24 h brings its chat one notice through the outbox, failing for
 * 7 days it is turned off for the chat with a notice, and turning it back on counts failures afresh. Time is the
 * injected clock; each step is one poll cycle.
 */
class FeedHealthNoticeTest {
    /** The failing feeds these tests poll on purpose log WARN lines: captured, off the console. */
    @RegisterExtension
    final LogCapture.PerTest pollerLog = LogCapture.perTest(Poller.class);

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    /** poll.interval 5m, max back-off 1h: a failing feed is read at least hourly. */
    private static final PollSettings SETTINGS = new PollSettings(Duration.ofMinutes(5), Duration.ofHours(24),
            Duration.ofHours(1));
    private static final String BROKEN = "https://broken.example.org/rss";
    private static final Target GROUP = Target.chat(Platform.TELEGRAM, "-1001");
    private static final Target TOPIC = new Target(Platform.TELEGRAM, "-1001", "77");
    private static final Target OTHER = Target.chat(Platform.TELEGRAM, "-2002");
    private static final String REASON = "HTTP 503 Service Unavailable";

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);
    private final List<String> read = new ArrayList<>();
    private boolean failing = true;
    private JdbcNewsStore store;

    @BeforeEach
    void open() {
        store = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("h.db"));
        store.subscriptions().saveSubscription(Subscription.of(GROUP, EnumSet.of(Topic.ATTACK), 40, T0));
        store.subscriptions().saveSubscription(Subscription.of(TOPIC, EnumSet.of(Topic.ATTACK), 40, T0));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Poller poller() {
        FeedReader reader = (location, etag, lastModified, now) -> {
            read.add(location);
            return failing ? new ReadResult.Failed(REASON, null)
                    : new ReadResult.Read("Feed", List.<Story>of(), null, null);
        };
        return new Poller(store, reader, s -> Stories.nothing(), SETTINGS, clock,
                new Routing(store.subscriptions(), store.chatFeeds(), reader));
    }

    /** One poll cycle at T0 + {@code since}. */
    private void cycleAt(Duration since) {
        clock.set(T0.plus(since));
        read.clear();
        poller().pollDue(List.of());
    }

    private List<OutboxItem> notices(Target t) {
        return store.subscriptions().pendingOutbox(t, 50).stream().filter(r -> r.kind() == OutboxKind.NOTICE)
                .toList();
    }

    private ChatFeed feed(Target chat) {
        return store.chatFeeds().chatFeeds(chat.platform(), chat.chatId()).get(0);
    }

    @Test
    void oneNoticeAfter24HoursToEachTargetOfTheChatThenTurnedOffAfter7DaysAndNoLongerRead() {
        store.chatFeeds().addChatFeed(new ChatFeed(Platform.TELEGRAM, GROUP.chatId(), BROKEN, "7", T0));

        cycleAt(Duration.ZERO);
        cycleAt(Duration.ofHours(23).plusMinutes(59));
        assertThat(read).containsExactly(BROKEN);
        assertThat(notices(GROUP)).isEmpty();

        cycleAt(Duration.ofHours(24));
        List<OutboxItem> first = notices(GROUP);
        assertThat(first).singleElement().satisfies(n -> {
            assertThat(n.story()).as("a feed-health notice stands for no story").isNull();
            assertThat(n.assessment()).isNull();
            assertThat(n.note()).isEqualTo("The feed https://broken.example.org/rss has failed every poll since"
                    + " 2026-12-01 10:00 UTC: HTTP 503 Service Unavailable. It is still tried; after 7 days of"
                    + " failures it is turned off for this chat. See: /feeds list");
        });
        assertThat(notices(TOPIC)).extracting(OutboxItem::note).containsExactly(first.get(0).note());

        cycleAt(Duration.ofHours(25));
        cycleAt(Duration.ofDays(6).plusHours(23));
        assertThat(notices(GROUP)).hasSize(1);
        assertThat(feed(GROUP).disabled()).isFalse();

        cycleAt(Duration.ofDays(7));
        assertThat(notices(GROUP)).extracting(OutboxItem::note).containsExactly(first.get(0).note(),
                "Turned off: the feed https://broken.example.org/rss failed every poll for 7 days (since 2026-12-01"
                        + " 10:00 UTC): HTTP 503 Service Unavailable. It is no longer read for this chat. Turn it back"
                        + " on with: /feeds retry https://broken.example.org/rss — or remove it with: /feeds remove"
                        + " https://broken.example.org/rss");
        assertThat(feed(GROUP).disabledAt()).isEqualTo(T0.plus(Duration.ofDays(7)));
        assertThat(feed(GROUP).disabledReason()).isEqualTo(REASON);

        cycleAt(Duration.ofDays(7).plusHours(2));
        cycleAt(Duration.ofDays(9));
        assertThat(read).as("a feed turned off for its only chat is not read").isEmpty();
        assertThat(notices(GROUP)).hasSize(2);
    }

    @Test
    void aKyivChatReadsTheNoticesTimesInItsZone() {
        store.subscriptions().saveChatSettings(ChatSettings.defaults(Platform.TELEGRAM, GROUP.chatId())
                .withZone(java.time.ZoneId.of("Europe/Kyiv")), T0);
        store.chatFeeds().addChatFeed(new ChatFeed(Platform.TELEGRAM, GROUP.chatId(), BROKEN, "7", T0));

        cycleAt(Duration.ZERO);
        cycleAt(Duration.ofHours(24));
        cycleAt(Duration.ofDays(7));
        assertThat(notices(GROUP)).extracting(OutboxItem::note).satisfiesExactly(
                n -> assertThat(n).startsWith("The feed https://broken.example.org/rss has failed every poll since"
                        + " 2026-12-01 12:00 UTC+2: HTTP 503"),
                n -> assertThat(n).startsWith("Turned off: the feed https://broken.example.org/rss failed every poll"
                        + " for 7 days (since 2026-12-01 12:00 UTC+2): HTTP 503"));
    }

    @Test
    void turnedBackOnItIsReadAtOnceAndItsFailuresCountFromThen() {
        store.chatFeeds().addChatFeed(new ChatFeed(Platform.TELEGRAM, GROUP.chatId(), BROKEN, "7", T0));
        cycleAt(Duration.ZERO);
        cycleAt(Duration.ofDays(7));
        assertThat(feed(GROUP).disabled()).isTrue();

        Instant back = T0.plus(Duration.ofDays(8));
        assertThat(store.chatFeeds().reenableChatFeed(Platform.TELEGRAM, GROUP.chatId(), BROKEN, back)).isTrue();
        assertThat(feed(GROUP).disabled()).isFalse();
        cycleAt(Duration.ofDays(8));
        assertThat(read).containsExactly(BROKEN);

        cycleAt(Duration.ofDays(8).plusHours(23));
        assertThat(notices(GROUP)).hasSize(1).as("only the turned-off notice so far");
        cycleAt(Duration.ofDays(9));
        assertThat(notices(GROUP)).hasSize(2);
        assertThat(notices(GROUP).get(1).note()).startsWith("The feed https://broken.example.org/rss has failed every"
                + " poll since 2026-12-09 10:00 UTC: ");
    }

    @Test
    void aGoodReadEndsTheRunSoTheNextRunGetsItsOwnNotice() {
        store.chatFeeds().addChatFeed(new ChatFeed(Platform.TELEGRAM, GROUP.chatId(), BROKEN, "7", T0));
        cycleAt(Duration.ZERO);
        cycleAt(Duration.ofHours(24));
        assertThat(notices(GROUP)).hasSize(1);

        failing = false;
        cycleAt(Duration.ofHours(26));
        failing = true;
        cycleAt(Duration.ofHours(30));
        cycleAt(Duration.ofHours(53));
        assertThat(notices(GROUP)).hasSize(1);
        cycleAt(Duration.ofHours(54));
        assertThat(notices(GROUP)).extracting(OutboxItem::note).last().asString()
                .startsWith("The feed https://broken.example.org/rss has failed every poll since 2026-12-02 16:00 UTC");
    }

    @Test
    void aChatThatAddedTheFeedLaterCountsFromItsAddAndAChatWithoutSubscriptionsIsToldInTheChat() {
        store.chatFeeds().addChatFeed(new ChatFeed(Platform.TELEGRAM, GROUP.chatId(), BROKEN, "7", T0));
        store.chatFeeds().addChatFeed(new ChatFeed(Platform.TELEGRAM, OTHER.chatId(), BROKEN, "8",
                T0.plus(Duration.ofHours(12))));
        cycleAt(Duration.ZERO);
        cycleAt(Duration.ofHours(24));
        assertThat(notices(GROUP)).hasSize(1);
        assertThat(notices(OTHER)).isEmpty();

        cycleAt(Duration.ofHours(36));
        assertThat(notices(OTHER)).singleElement().extracting(OutboxItem::note).asString()
                .contains("has failed every poll since 2026-12-01 22:00 UTC");

        cycleAt(Duration.ofDays(7));
        assertThat(feed(GROUP).disabled()).isTrue();
        assertThat(feed(OTHER).disabled()).isFalse();
        read.clear();
        cycleAt(Duration.ofDays(7).plusHours(2));
        assertThat(read).as("still read for the chat that has it on").containsExactly(BROKEN);
    }
}
