package newsalert.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.subscription.Platform;
import newsalert.subscription.Subscription;
import newsalert.story.Topic;
import newsalert.subscription.Target;
import newsalert.testing.StoreKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link ChatFeedStore#queueNotice}: one pending notice row to exactly the target given; {@link
 * ChatFeedStore#noticeFailingChatFeed} on Discord: the server's first subscribed channel, never the bare server id.
 * On SQLite and PostgreSQL.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class ChatNoticeStoreTest {
    @Parameter
    StoreKind kind;

    @TempDir
    Path dir;

    private JdbcNewsStore store;

    @BeforeEach
    void open() {
        store = JdbcNewsStore.open(kind.url(dir));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aNoticeGoesToTheOneTargetGivenAndNowhereElse() {
        Target channel = new Target(Platform.DISCORD, "900100", "900222");
        Instant at = Instant.parse("2026-12-07T05:00:00Z");

        store.chatFeeds().queueNotice(channel, "feed-import:discord:900100:1", "Imported a.opml: 1 added.", at);
        store.chatFeeds().queueNotice(channel, "x".repeat(3000), "second", at.plusSeconds(1));

        List<OutboxItem> rows = store.subscriptions().pendingOutbox(channel, 10);
        assertThat(rows).extracting(OutboxItem::note).containsExactly("Imported a.opml: 1 added.", "second");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.kind()).isEqualTo(OutboxKind.NOTICE);
            assertThat(r.target()).isEqualTo(channel);
            assertThat(r.story()).isNull();
            assertThat(r.status()).isEqualTo(OutboxStatus.PENDING);
        });
        assertThat(rows.get(0).createdAt()).isEqualTo(at);
        assertThat(store.subscriptions().pendingOutbox(Target.chat(Platform.DISCORD, "900100"), 10)).isEmpty();
    }

    private static final String FEED = "https://down.example.org/feed.xml";

    private FailingChatFeed failingFeedOf(Platform platform, String chatId, Instant at) {
        store.chatFeeds().addChatFeed(new ChatFeed(platform, chatId, FEED, "7", at));
        store.saveFeedState(new FeedState(FEED, null, null, at, at.plusSeconds(86_400), at.plusSeconds(90_000), 30,
                "HTTP 503"));
        return store.chatFeeds().failingChatFeeds().stream().filter(f -> f.chatId().equals(chatId)).findFirst()
                .orElseThrow();
    }

    @Test
    void aDiscordHealthNoticeGoesToTheServersFirstSubscribedChannelOnly() {
        Instant at = Instant.parse("2026-12-07T06:00:00Z");
        Target second = new Target(Platform.DISCORD, "900300", "900302");
        Target first = new Target(Platform.DISCORD, "900300", "900309");
        store.subscriptions().saveSubscription(Subscription.of(first, EnumSet.of(Topic.ATTACK), 40,
                at.minusSeconds(7200)));
        store.subscriptions().saveSubscription(Subscription.of(second, EnumSet.of(Topic.ATTACK), 40,
                at.minusSeconds(3600)));

        assertThat(store.chatFeeds().noticeFailingChatFeed(failingFeedOf(Platform.DISCORD, "900300", at),
                "feed failing", false, null, at)).isTrue();

        assertThat(store.subscriptions().pendingOutbox(first, 10)).extracting(OutboxItem::note)
                .containsExactly("feed failing");
        assertThat(store.subscriptions().pendingOutbox(second, 10)).isEmpty();
        assertThat(store.subscriptions().pendingOutbox(Target.chat(Platform.DISCORD, "900300"), 10)).isEmpty();
    }

    @Test
    void aDiscordServerWithNoSubscribedChannelGetsNoNoticeButIsMarkedTold() {
        Instant at = Instant.parse("2026-12-07T06:00:00Z");

        assertThat(store.chatFeeds().noticeFailingChatFeed(failingFeedOf(Platform.DISCORD, "900400", at),
                "feed failing", false, null, at)).isTrue();

        assertThat(store.subscriptions().pendingOutbox(100)).isEmpty();
        assertThat(store.chatFeeds().failingChatFeeds()).singleElement()
                .satisfies(f -> assertThat(f.failingNoticeAt()).isEqualTo(at));
    }

    @Test
    void aDiscordDirectMessageWithItsOwnSubscriptionGetsTheNoticeInTheDm() {
        Instant at = Instant.parse("2026-12-07T06:00:00Z");
        Target dm = Target.chat(Platform.DISCORD, "900500");
        store.subscriptions().saveSubscription(Subscription.of(dm, EnumSet.of(Topic.ATTACK), 40, at));

        store.chatFeeds().noticeFailingChatFeed(failingFeedOf(Platform.DISCORD, "900500", at), "feed failing",
                false, null, at);

        assertThat(store.subscriptions().pendingOutbox(dm, 10)).extracting(OutboxItem::note)
                .containsExactly("feed failing");
    }

    @Test
    void aTelegramHealthNoticeStillGoesToEveryTopicOrTheChatItself() {
        Instant at = Instant.parse("2026-12-07T06:00:00Z");
        Target topicA = new Target(Platform.TELEGRAM, "-100700", "11");
        Target topicB = new Target(Platform.TELEGRAM, "-100700", "12");
        store.subscriptions().saveSubscription(Subscription.of(topicA, EnumSet.of(Topic.ATTACK), 40, at));
        store.subscriptions().saveSubscription(Subscription.of(topicB, EnumSet.of(Topic.ATTACK), 40, at));
        store.chatFeeds().noticeFailingChatFeed(failingFeedOf(Platform.TELEGRAM, "-100700", at), "feed failing",
                false, null, at);
        store.chatFeeds().noticeFailingChatFeed(failingFeedOf(Platform.TELEGRAM, "-100800", at), "lone chat",
                false, null, at);

        assertThat(store.subscriptions().pendingOutbox(topicA, 10)).extracting(OutboxItem::note)
                .containsExactly("feed failing");
        assertThat(store.subscriptions().pendingOutbox(topicB, 10)).extracting(OutboxItem::note)
                .containsExactly("feed failing");
        assertThat(store.subscriptions().pendingOutbox(Target.chat(Platform.TELEGRAM, "-100800"), 10))
                .extracting(OutboxItem::note).containsExactly("lone chat");
    }
}
