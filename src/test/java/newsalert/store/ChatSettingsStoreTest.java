package newsalert.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.story.Story;
import newsalert.story.Topic;
import newsalert.subscription.ChatSettings;
import newsalert.subscription.Loudness;
import newsalert.subscription.Platform;
import newsalert.subscription.QuietHours;
import newsalert.subscription.Subscription;
import newsalert.subscription.Target;
import newsalert.testing.Stories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import newsalert.testing.StoreKind;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Issue 18: per-chat settings and per-subscription loudness (V13) are stored, kept and moved with the chat. */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class ChatSettingsStoreTest {
    @Parameter
    StoreKind kind;

    private static final Instant T0 = Instant.parse("2025-08-28T15:00:00Z");
    private static final Target GROUP = Target.chat(Platform.TELEGRAM, "-1001234567890");
    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");

    @TempDir
    Path dir;

    private JdbcNewsStore open() {
        return JdbcNewsStore.open(kind.url(dir));
    }

    @Test
    void aChatWithoutSettingsHasTheDefaultsAndSavedOnesSurviveRestart() {
        try (JdbcNewsStore news = open()) {
            SubscriptionStore store = news.subscriptions();
            assertThat(store.chatSettings(Platform.TELEGRAM, GROUP.chatId()))
                    .isEqualTo(new ChatSettings(Platform.TELEGRAM, GROUP.chatId(), ZoneOffset.UTC, null, true));
            store.saveChatSettings(ChatSettings.defaults(Platform.TELEGRAM, GROUP.chatId()).withZone(KYIV)
                    .withQuietHours(new QuietHours(LocalTime.of(23, 0), LocalTime.of(7, 30))).withPictures(false), T0);
        }
        try (JdbcNewsStore news = open()) {
            ChatSettings c = news.subscriptions().chatSettings(Platform.TELEGRAM, GROUP.chatId());
            assertThat(c.zone()).isEqualTo(KYIV);
            assertThat(c.quietHours()).hasToString("23:00-07:30");
            assertThat(c.pictures()).isFalse();
            assertThat(news.subscriptions().chatSettings(Platform.DISCORD, GROUP.chatId()).zone())
                    .isEqualTo(ZoneOffset.UTC);
            news.subscriptions().saveChatSettings(c.withQuietHours(null), T0);
            assertThat(news.subscriptions().chatSettings(Platform.TELEGRAM, GROUP.chatId()).quietHours()).isNull();
        }
    }

    @Test
    void loudnessBelongsToTheSubscriptionAndSubscribingAgainKeepsIt() {
        try (JdbcNewsStore news = open()) {
            SubscriptionStore store = news.subscriptions();
            Loudness loud = new Loudness(50, "<@&123456789012345678>", 85);
            assertThat(store.saveLoudness(GROUP, loud)).isFalse();
            assertThat(store.loudness(GROUP)).isEmpty();
            store.saveSubscription(Subscription.of(GROUP, EnumSet.of(Topic.ATTACK), 30, T0));
            assertThat(store.loudness(GROUP)).contains(Loudness.DEFAULT);
            assertThat(store.saveLoudness(GROUP, loud)).isTrue();
            store.saveSubscription(Subscription.of(GROUP, EnumSet.of(Topic.DIPLOMACY), 60, T0));
            assertThat(store.loudness(GROUP)).contains(loud);
            store.removeSubscription(GROUP);
            store.saveSubscription(Subscription.of(GROUP, EnumSet.of(Topic.ATTACK), 30, T0));
            assertThat(store.loudness(GROUP)).contains(Loudness.DEFAULT);
        }
    }

    @Test
    void settingsMoveWithAMigratedChatAndTheNewChatsOwnWin() {
        try (JdbcNewsStore news = open()) {
            SubscriptionStore store = news.subscriptions();
            store.saveChatSettings(ChatSettings.defaults(Platform.TELEGRAM, "-100").withZone(KYIV), T0);
            store.moveChat(Platform.TELEGRAM, "-100", "-1002");
            assertThat(store.chatSettings(Platform.TELEGRAM, "-1002").zone()).isEqualTo(KYIV);
            store.saveChatSettings(ChatSettings.defaults(Platform.TELEGRAM, "-200").withPictures(false), T0);
            store.saveChatSettings(ChatSettings.defaults(Platform.TELEGRAM, "-2002").withZone(KYIV), T0);
            store.moveChat(Platform.TELEGRAM, "-200", "-2002");
            assertThat(store.chatSettings(Platform.TELEGRAM, "-2002"))
                    .isEqualTo(ChatSettings.defaults(Platform.TELEGRAM, "-2002").withZone(KYIV));
            assertThat(store.chatSettings(Platform.TELEGRAM, "-200").pictures()).isTrue();
        }
    }

    @Test
    void theStoryPictureIsStoredAndOlderStoriesReadWithout() {
        try (JdbcNewsStore news = open()) {
            Story plain = Stories.story("s1", "Strike", T0);
            Story pictured = new Story("s2", "Wire", "Strike two", "https://wire.test/s2", T0, "Body.",
                    "https://wire.test/s2.jpg");
            news.recordEntry("https://wire.test/a.rss", plain, Stories.attack(true), true, T0, List.of(GROUP));
            news.recordEntry("https://wire.test/a.rss", pictured, Stories.attack(true), true, T0, List.of(GROUP));
            assertThat(news.subscriptions().pendingOutbox(GROUP, 5)).extracting(r -> r.story().image())
                    .containsExactly(null, "https://wire.test/s2.jpg");
        }
    }

    /** tester18: the brief's window starts at the last brief's instant (V20); a brief is queued once per due time. */
    @Test
    void theLastBriefsInstantIsKeptAndGuardsAgainstQueueingTwice() {
        try (JdbcNewsStore news = open()) {
            SubscriptionStore store = news.subscriptions();
            java.time.LocalDate day = java.time.LocalDate.of(2025, 8, 28);
            Instant due = Instant.parse("2025-08-28T05:00:00Z");
            assertThat(store.queueBrief(Platform.TELEGRAM, GROUP.chatId(), day, due, List.of(), due)).isFalse();
            store.saveChatSettings(ChatSettings.defaults(Platform.TELEGRAM, GROUP.chatId()).withZone(KYIV)
                    .withBrief(LocalTime.of(8, 0)), T0);
            assertThat(store.briefChat(Platform.TELEGRAM, GROUP.chatId()).windowStart()).isEmpty();
            store.startBriefWindow(Platform.TELEGRAM, GROUP.chatId(), Instant.parse("2025-08-27T05:00:00Z"));
            assertThat(store.briefChats()).singleElement()
                    .satisfies(c -> assertThat(c.windowStart()).contains(Instant.parse("2025-08-27T05:00:00Z")));
            Instant sent = due.plusSeconds(20);
            assertThat(store.queueBrief(Platform.TELEGRAM, GROUP.chatId(), day, due, List.of(), sent)).isTrue();
            assertThat(store.queueBrief(Platform.TELEGRAM, GROUP.chatId(), day, due, List.of(), sent.plusSeconds(60)))
                    .isFalse();
            Briefs.Chat chat = store.briefChat(Platform.TELEGRAM, GROUP.chatId());
            assertThat(chat.last()).isEqualTo(day);
            assertThat(chat.lastAt()).isEqualTo(sent);
            // the brief moved to 10:00 the same day: due again then
            Instant ten = Instant.parse("2025-08-28T07:00:00Z");
            assertThat(store.queueBrief(Platform.TELEGRAM, GROUP.chatId(), day, ten, List.of(), ten)).isTrue();
            assertThat(store.briefChat(Platform.TELEGRAM, GROUP.chatId()).windowStart()).contains(ten);
            assertThat(store.briefChat(Platform.DISCORD, GROUP.chatId()).windowStart()).isEmpty();
        }
    }

    /** A chat whose last brief was stored before V20 (its date only) starts at that date's brief time. */
    @Test
    void aBriefKnownByItsDateOnlyStartsAtThatDaysBriefTime() {
        ChatSettings chat = ChatSettings.defaults(Platform.TELEGRAM, GROUP.chatId()).withZone(KYIV)
                .withBrief(LocalTime.of(8, 0));
        assertThat(new Briefs.Chat(chat, java.time.LocalDate.of(2025, 8, 28)).windowStart())
                .contains(Instant.parse("2025-08-28T05:00:00Z"));
        assertThat(new Briefs.Chat(chat, null).windowStart()).isEmpty();
    }
}
