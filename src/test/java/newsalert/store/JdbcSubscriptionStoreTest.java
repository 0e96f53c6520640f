package newsalert.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.story.Story;
import newsalert.story.Topic;
import newsalert.subscription.KeywordRule;
import newsalert.subscription.Platform;
import newsalert.subscription.Subscription;
import newsalert.subscription.Target;
import newsalert.testing.ConsoleRows;
import newsalert.testing.Stories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import newsalert.testing.StoreKind;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class JdbcSubscriptionStoreTest {
    @Parameter
    StoreKind kind;

    private static final Instant T0 = Instant.parse("2025-08-28T15:00:00Z");
    private static final Target GROUP = Target.chat(Platform.TELEGRAM, "-1001234567890");
    private static final Target TOPIC = new Target(Platform.TELEGRAM, "-1001234567890", "42");
    private static final Target CHANNEL = Target.chat(Platform.DISCORD, "1122334455");

    @TempDir
    Path dir;

    private String url() {
        return kind.url(dir);
    }

    @Test
    void subscriptionsUpsertPerTargetAndSurviveRestart() {
        Subscription first;
        try (JdbcNewsStore news = JdbcNewsStore.open(url())) {
            SubscriptionStore store = news.subscriptions();
            first = store.saveSubscription(Subscription.of(GROUP, EnumSet.of(Topic.ATTACK), 40, T0));
            Subscription topic = store.saveSubscription(new Subscription(0, TOPIC, Subscription.allTopics(), 0,
                    List.of("Kharkiv", "Gaza  Strip"), List.of("drill"), false, null, T0.plusSeconds(1)));
            assertThat(first.id()).isEqualTo(1);
            assertThat(topic.id()).isEqualTo(2);
            // subscribing the same target again replaces its settings but keeps id and creation time
            Subscription again = store.saveSubscription(
                    Subscription.of(GROUP, EnumSet.of(Topic.DIPLOMACY), 70, T0.plusSeconds(99)));
            assertThat(again.id()).isEqualTo(1);
            assertThat(again.createdAt()).isEqualTo(T0);
        }
        try (JdbcNewsStore news = JdbcNewsStore.open(url())) {
            SubscriptionStore store = news.subscriptions();
            assertThat(store.subscription(GROUP)).contains(new Subscription(1, GROUP, EnumSet.of(Topic.DIPLOMACY),
                    70, List.of(), List.of(), false, null, T0));
            assertThat(store.subscription(TOPIC)).contains(new Subscription(2, TOPIC, Subscription.allTopics(), 0,
                    List.of("kharkiv", "gaza strip"), List.of("drill"), false, null, T0.plusSeconds(1)));
            assertThat(store.subscriptions(Platform.TELEGRAM, GROUP.chatId())).extracting(Subscription::target)
                    .containsExactly(GROUP, TOPIC);
            assertThat(store.subscriptions(Platform.DISCORD, GROUP.chatId())).isEmpty();
            assertThat(store.removeSubscription(GROUP)).isTrue();
            assertThat(store.removeSubscription(GROUP)).isFalse();
            assertThat(store.allSubscriptions()).extracting(Subscription::target).containsExactly(TOPIC);
        }
    }

    @Test
    void pauseAndResumeKeepTheReason() {
        try (JdbcNewsStore news = JdbcNewsStore.open(url())) {
            SubscriptionStore store = news.subscriptions();
            store.saveSubscription(Subscription.of(GROUP, EnumSet.of(Topic.ATTACK), 0, T0));
            store.saveSubscription(Subscription.of(TOPIC, EnumSet.of(Topic.ATTACK), 0, T0));
            store.saveSubscription(Subscription.of(CHANNEL, EnumSet.of(Topic.ATTACK), 0, T0));

            assertThat(store.pause(TOPIC, "message thread not found")).isTrue();
            assertThat(store.subscription(TOPIC).orElseThrow().pauseReason()).isEqualTo("message thread not found");
            assertThat(store.subscription(GROUP).orElseThrow().paused()).isFalse();

            assertThat(store.pauseChat(Platform.TELEGRAM, GROUP.chatId(), "bot was kicked")).isEqualTo(2);
            assertThat(store.allSubscriptions()).extracting(Subscription::paused, Subscription::pauseReason)
                    .containsExactly(tuple(true, "bot was kicked"),
                            tuple(true, "bot was kicked"),
                            tuple(false, null));

            assertThat(store.resume(GROUP)).isTrue();
            assertThat(store.subscription(GROUP).orElseThrow()).extracting(Subscription::paused,
                    Subscription::pauseReason).containsExactly(false, null);
            assertThat(store.pause(Target.chat(Platform.TELEGRAM, "404"), "x")).isFalse();
        }
    }

    @Test
    void keywordRulesAreUniquePerChatTermCaseInsensitively() {
        try (JdbcNewsStore news = JdbcNewsStore.open(url())) {
            SubscriptionStore store = news.subscriptions();
            assertThat(store.addKeywordRule(rule(GROUP.chatId(), "Kherson", KeywordRule.Kind.INCLUDE, 1))).isTrue();
            assertThat(store.addKeywordRule(rule(GROUP.chatId(), "  KHERSON ", KeywordRule.Kind.EXCLUDE, 2)))
                    .isFalse();
            assertThat(store.addKeywordRule(rule(GROUP.chatId(), "Military  drill", KeywordRule.Kind.EXCLUDE, 3)))
                    .isTrue();
            assertThat(store.addKeywordRule(rule("-100999", "Kherson", KeywordRule.Kind.INCLUDE, 4))).isTrue();
        }
        try (JdbcNewsStore news = JdbcNewsStore.open(url())) {
            SubscriptionStore store = news.subscriptions();
            assertThat(store.keywordRules(Platform.TELEGRAM, GROUP.chatId())).containsExactly(
                    rule(GROUP.chatId(), "kherson", KeywordRule.Kind.INCLUDE, 1),
                    rule(GROUP.chatId(), "military drill", KeywordRule.Kind.EXCLUDE, 3));
            assertThat(store.removeKeywordRule(Platform.TELEGRAM, GROUP.chatId(), "MILITARY DRILL")).isTrue();
            assertThat(store.removeKeywordRule(Platform.TELEGRAM, GROUP.chatId(), "military drill")).isFalse();
            assertThat(store.allKeywordRules()).extracting(KeywordRule::chatId, KeywordRule::term).containsExactly(
                    tuple(GROUP.chatId(), "kherson"),
                    tuple("-100999", "kherson"));
        }
    }

    @Test
    void outboxRowsAreWrittenWithTheStoryAndReadInOrderPerTarget() {
        Story a = Stories.story("a", "Missile strike on Kyiv", T0);
        Story b = Stories.story("b", "Drone attack on Odesa", T0);
        Story c = Stories.story("c", "Shelling in Kharkiv", T0);
        try (JdbcNewsStore news = JdbcNewsStore.open(url())) {
            assertThat(news.recordEntry("f", a, Stories.attack(true), false, T0, List.of(GROUP, CHANNEL))).isTrue();
            assertThat(news.recordEntry("f", b, Stories.attack(true), false, T0.plusSeconds(1), List.of(CHANNEL)))
                    .isTrue();
            assertThat(news.recordEntry("f", c, Stories.attack(true), false, T0.plusSeconds(2),
                    List.of(GROUP, GROUP, TOPIC))).isTrue();
            // seen again on this feed: nothing written; seen on another feed: no second row per target
            assertThat(news.recordEntry("f", c, Stories.attack(true), false, T0, List.of(CHANNEL))).isFalse();
            assertThat(news.recordEntry("g", a, Stories.attack(true), false, T0, List.of(GROUP, TOPIC))).isTrue();
            // alert=false: routing queues no console row
            assertThat(ConsoleRows.pending(news)).isEmpty();
        }
        try (JdbcNewsStore news = JdbcNewsStore.open(url())) {
            SubscriptionStore store = news.subscriptions();
            assertThat(store.pendingOutbox(10)).extracting(o -> o.id() + ":" + o.story().id() + "@" + o.target().chatId()
                    + (o.target().threadId() == null ? "" : "/" + o.target().threadId())).containsExactly(
                    "1:a@-1001234567890", "2:a@1122334455", "3:b@1122334455", "4:c@-1001234567890",
                    "5:c@-1001234567890/42", "6:a@-1001234567890/42");
            assertThat(store.pendingTargets()).containsExactly(GROUP, CHANNEL, TOPIC);
            assertThat(store.pendingOutbox(CHANNEL, 10)).extracting(o -> o.story().id()).containsExactly("a", "b");
            assertThat(store.pendingOutbox(TOPIC, 1)).extracting(o -> o.story().id()).containsExactly("c");

            OutboxItem first = store.pendingOutbox(GROUP, 10).get(0);
            assertThat(first).isEqualTo(new OutboxItem(1, GROUP, a, Stories.attack(true), 80, OutboxStatus.PENDING,
                    0, null, null, null, T0, null, OutboxKind.SEND));
        }
    }

    @Test
    void sentFailedAndSettledRowsLeaveThePendingScan() {
        try (JdbcNewsStore news = JdbcNewsStore.open(url())) {
            for (String id : List.of("s1", "s2", "s3", "s4")) {
                news.recordEntry("f", Stories.story(id, "Strike " + id, T0), Stories.attack(true), false, T0,
                        List.of(GROUP));
            }
            SubscriptionStore store = news.subscriptions();
            assertThat(store.markSent(1, "5001", T0.plusSeconds(3))).isTrue();
            assertThat(store.markSent(1, "5002", T0.plusSeconds(4))).isFalse();
            store.markFailed(2, "HTTP 429 retry_after=7", T0.plusSeconds(10));
            store.markFailed(2, "timeout", T0.plusSeconds(20));
            store.settle(3, OutboxStatus.DROPPED, "merged into digest");
            assertThatThrownBy(() -> store.settle(4, OutboxStatus.SENT, null))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        try (JdbcNewsStore news = JdbcNewsStore.open(url())) {
            SubscriptionStore store = news.subscriptions();
            List<OutboxItem> pending = store.pendingOutbox(GROUP, 10);
            assertThat(pending).extracting(OutboxItem::id, OutboxItem::attempts, OutboxItem::lastError,
                    OutboxItem::nextAttemptAt).containsExactly(
                    tuple(2L, 2, "timeout", T0.plusSeconds(20)),
                    tuple(4L, 0, null, null));
            assertThat(store.sentMessageId("s1", GROUP)).contains("5001");
            assertThat(store.sentMessageId("s1", TOPIC)).isEmpty();
            assertThat(store.sentMessageId("s2", GROUP)).isEmpty();
            store.settle(4, OutboxStatus.FAILED, "Forbidden: bot was kicked from the group chat");
            store.markSent(4, "6000", T0);
            assertThat(store.pendingOutbox(GROUP, 10)).extracting(OutboxItem::id).containsExactly(2L);
        }
    }

    @Test
    void aFailingOutboxInsertRollsBackTheStoryToo() throws Exception {
        Story s = Stories.story("boom-story", "Strike on depot", T0);
        try (JdbcNewsStore news = JdbcNewsStore.open(url())) {
            try (Connection raw = DriverManager.getConnection(url()); Statement st = raw.createStatement()) {
                if (kind == StoreKind.SQLITE) {
                    st.execute("CREATE TRIGGER outbox_refuses BEFORE INSERT ON outbox WHEN NEW.chat_id = 'boom'"
                            + " BEGIN SELECT RAISE(ABORT, 'refused by test'); END");
                } else {
                    st.execute("CREATE FUNCTION outbox_refuses() RETURNS trigger AS $$ BEGIN"
                            + " IF NEW.chat_id = 'boom' THEN RAISE EXCEPTION 'refused by test'; END IF;"
                            + " RETURN NEW; END $$ LANGUAGE plpgsql");
                    st.execute("CREATE TRIGGER outbox_refuses BEFORE INSERT ON outbox FOR EACH ROW"
                            + " EXECUTE FUNCTION outbox_refuses()");
                }
            }
            Target boom = Target.chat(Platform.TELEGRAM, "boom");
            assertThatThrownBy(() -> news.recordEntry("f", s, Stories.attack(true), true, T0, List.of(GROUP, boom)))
                    .isInstanceOf(StoreException.class).hasMessageContaining("refused by test");
            assertThat(news.seenCount("f")).isZero();
            assertThat(news.subscriptions().pendingOutbox(10)).isEmpty();

            try (Connection raw = DriverManager.getConnection(url()); Statement st = raw.createStatement()) {
                st.execute(kind == StoreKind.SQLITE ? "DROP TRIGGER outbox_refuses"
                        : "DROP TRIGGER outbox_refuses ON outbox");
            }
            assertThat(news.recordEntry("f", s, Stories.attack(true), true, T0, List.of(GROUP, boom))).isTrue();
            // the global alert's console row first, then the routed chats'
            assertThat(news.subscriptions().pendingOutbox(10)).extracting(o -> o.target().chatId())
                    .containsExactly("stdout", GROUP.chatId(), "boom");
        }
    }

    private static KeywordRule rule(String chat, String term, KeywordRule.Kind kind, int second) {
        return new KeywordRule(Platform.TELEGRAM, chat, term, kind, "777", T0.plusSeconds(second));
    }

    @Test
    void unsubscribingDropsTheTargetsPendingRowsOnly() {
        try (JdbcNewsStore news = JdbcNewsStore.open(url())) {
            SubscriptionStore store = news.subscriptions();
            store.saveSubscription(Subscription.of(GROUP, EnumSet.of(Topic.ATTACK), 0, T0));
            store.saveSubscription(Subscription.of(TOPIC, EnumSet.of(Topic.ATTACK), 0, T0));
            news.recordEntry("https://wire.test/a.rss", Stories.story("s1", "Strike", T0), Stories.attack(true), false,
                    T0, List.of(GROUP, TOPIC));

            assertThat(store.removeSubscription(GROUP)).isTrue();

            assertThat(store.pendingTargets()).containsExactly(TOPIC);
            assertThat(news.queries().delivery("s1", GROUP)).contains(OutboxStatus.DROPPED);
        }
    }

    @Test
    void movingAChatCarriesItsSubscriptionsRulesFeedsAndPendingRows() {
        String oldId = "-4001234567";
        String newId = "-1009876543210";
        Target old = Target.chat(Platform.TELEGRAM, oldId);
        Target moved = Target.chat(Platform.TELEGRAM, newId);
        try (JdbcNewsStore news = JdbcNewsStore.open(url())) {
            SubscriptionStore store = news.subscriptions();
            store.saveSubscription(Subscription.of(old, EnumSet.of(Topic.ATTACK), 30, T0));
            store.pauseChat(Platform.TELEGRAM, oldId, "chat migrated to " + newId);
            store.addKeywordRule(new KeywordRule(Platform.TELEGRAM, oldId, "kharkiv", KeywordRule.Kind.INCLUDE,
                    "7", T0));
            news.chatFeeds().addChatFeed(new ChatFeed(Platform.TELEGRAM, oldId, "https://wire.test/a.rss", "7", T0));
            news.recordEntry("https://wire.test/a.rss", Stories.story("s1", "Strike", T0), Stories.attack(true), false,
                    T0, List.of(old));

            assertThat(store.moveChat(Platform.TELEGRAM, oldId, newId)).isEqualTo(1);

            Subscription sub = store.subscription(moved).orElseThrow();
            assertThat(sub.paused()).isFalse();
            assertThat(sub.minSeverity()).isEqualTo(30);
            assertThat(store.subscription(old)).isEmpty();
            assertThat(store.keywordRules(Platform.TELEGRAM, newId)).extracting(KeywordRule::term)
                    .containsExactly("kharkiv");
            assertThat(news.chatFeeds().chatFeeds(Platform.TELEGRAM, newId)).extracting(ChatFeed::url)
                    .containsExactly("https://wire.test/a.rss");
            assertThat(store.pendingTargets()).containsExactly(moved);
            assertThat(store.pendingOutbox(moved, 5)).extracting(r -> r.story().id()).containsExactly("s1");
        }
    }

    @Test
    void movingOntoAChatThatAlreadyHasASubscriptionKeepsTheNewChats() {
        Target old = Target.chat(Platform.TELEGRAM, "-4001");
        Target moved = Target.chat(Platform.TELEGRAM, "-1004001");
        try (JdbcNewsStore news = JdbcNewsStore.open(url())) {
            SubscriptionStore store = news.subscriptions();
            store.saveSubscription(Subscription.of(old, EnumSet.of(Topic.ATTACK), 30, T0));
            store.saveSubscription(Subscription.of(moved, EnumSet.of(Topic.DIPLOMACY), 60, T0));

            assertThat(store.moveChat(Platform.TELEGRAM, "-4001", "-1004001")).isZero();

            assertThat(store.allSubscriptions()).extracting(Subscription::target, Subscription::minSeverity)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(moved, 60));
        }
    }

    @Test
    void subscribingAgainAfterAPausePutsBackTheAlertThatMetTheError() {
        try (JdbcNewsStore news = JdbcNewsStore.open(url())) {
            SubscriptionStore store = news.subscriptions();
            store.saveSubscription(Subscription.of(GROUP, EnumSet.of(Topic.ATTACK), 0, T0));
            news.recordEntry("https://wire.test/a.rss", Stories.story("s1", "Strike", T0), Stories.attack(true), false,
                    T0, List.of(GROUP));
            long row = store.pendingOutbox(GROUP, 1).get(0).id();
            store.pause(GROUP, "Telegram 403: Forbidden: bot was kicked");
            store.settle(row, OutboxStatus.FAILED, "Telegram 403: Forbidden: bot was kicked");
            assertThat(store.pendingTargets()).isEmpty();

            store.saveSubscription(Subscription.of(GROUP, EnumSet.of(Topic.ATTACK), 0, T0));

            assertThat(store.pendingOutbox(GROUP, 5)).extracting(OutboxItem::id).containsExactly(row);
        }
    }
}
