package newsalert.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.story.Assessment;
import newsalert.story.Casualties;
import newsalert.story.Story;
import newsalert.story.Topic;
import newsalert.subscription.Platform;
import newsalert.subscription.Target;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import newsalert.testing.StoreKind;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class JdbcStoryQueriesTest {
    @Parameter
    StoreKind kind;

    private static final Instant T0 = Instant.parse("2025-08-28T15:00:00Z");
    private static final Target GROUP = Target.chat(Platform.TELEGRAM, "-100777");
    private static final Target TOPIC = new Target(Platform.TELEGRAM, "-100777", "9");

    @TempDir
    Path dir;
    JdbcNewsStore news;

    @BeforeEach
    void open() {
        news = JdbcNewsStore.open(kind.url(dir));
        record("s1", "Strike on Kyiv power plant", Set.of(Topic.ATTACK), true, 0, GROUP);
        record("s2", "Talks in Riyadh on Black Sea grain", Set.of(Topic.DIPLOMACY), true, 1);
        record("s3", "Ceasefire talks collapse after shelling", Set.of(Topic.ATTACK, Topic.DIPLOMACY), true, 2);
        record("s4", "Markets rise 5% on rate_cut hopes", Set.of(), false, 3);
        record("s5", "Price of 50\\50 bonds", Set.of(), false, 4);
    }

    @AfterEach
    void close() {
        news.close();
    }

    private void record(String id, String title, Set<Topic> topics, boolean alert, int minutes, Target... targets) {
        Story s = new Story(id, "Wire", title, null, null, "");
        Assessment a = new Assessment(topics, alert ? 60 : 0, List.of(), Casualties.NONE, List.of(), alert);
        news.recordEntry("https://wire.example/a.rss", s, a, alert, T0.plusSeconds(60L * minutes), List.of(targets));
    }

    private List<String> ids(List<StoredStory> found) {
        return found.stream().map(s -> s.story().id()).toList();
    }

    @Test
    void latestAlertsAreNewestFirstAndFilterByTopic() {
        StoryQueries q = news.queries();
        assertThat(ids(q.latestAlerts(GROUP, 5, null))).containsExactly("s3", "s2", "s1");
        assertThat(ids(q.latestAlerts(GROUP, 2, null))).containsExactly("s3", "s2");
        assertThat(ids(q.latestAlerts(GROUP, 5, Topic.ATTACK))).containsExactly("s3", "s1");
        assertThat(ids(q.latestAlerts(GROUP, 5, Topic.DIPLOMACY))).containsExactly("s3", "s2");
        assertThat(q.latestAlerts(GROUP, 0, null)).isEmpty();
        assertThat(q.latestAlerts(GROUP, 1, null).get(0).firstSeen()).isEqualTo(T0.plusSeconds(120));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "talks              | s3 s2",
            "TALKS riyadh       | s2",
            "%                  | s4",
            "5%                 | s4",
            "rate_cut           | s4",
            "rate%cut           | ''",
            "s_r                | ''",
            "50\\50             | s5",
            "kyiv moscow        | ''",
    })
    void searchTitlesMatchesAllWordsAsPlainSubstrings(String words, String expected) {
        List<String> want = expected.isEmpty() ? List.of() : List.of(expected.split(" "));
        assertThat(ids(news.queries().searchTitles(GROUP, List.of(words.split(" ")), 10))).isEqualTo(want);
    }

    @Test
    void searchWithNoWordsFindsNothing() {
        assertThat(news.queries().searchTitles(GROUP, List.of(" ", ""), 10)).isEmpty();
    }

    @Test
    void storyByIdAndDeliveryPerTarget() {
        StoredStory s = news.queries().story(GROUP, "s1").orElseThrow();
        assertThat(s.story().title()).isEqualTo("Strike on Kyiv power plant");
        assertThat(s.assessment().topics()).containsExactly(Topic.ATTACK);
        assertThat(s.alerted()).isTrue();
        assertThat(news.queries().story(GROUP, "nope")).isEmpty();
        assertThat(news.queries().delivery("s1", GROUP)).contains(OutboxStatus.PENDING);
        assertThat(news.queries().delivery("s1", TOPIC)).isEmpty();
        long row = news.subscriptions().pendingOutbox(GROUP, 1).get(0).id();
        news.subscriptions().markSent(row, "5", T0);
        assertThat(news.queries().delivery("s1", GROUP)).contains(OutboxStatus.SENT);
    }

    @Test
    void chatFeedsAreKeptPerChatAndSurviveRestart() {
        ChatFeedStore feeds = news.chatFeeds();
        ChatFeed a = new ChatFeed(Platform.TELEGRAM, "-100777", "https://a.example/rss", "1", T0);
        ChatFeed b = new ChatFeed(Platform.DISCORD, "555", "https://a.example/rss", null, T0.plusSeconds(1));
        assertThat(feeds.addChatFeed(a)).isTrue();
        assertThat(feeds.addChatFeed(b)).isTrue();
        assertThat(feeds.addChatFeed(a)).isFalse();
        news.close();
        news = JdbcNewsStore.open(kind.url(dir));
        feeds = news.chatFeeds();
        assertThat(feeds.chatFeeds(Platform.TELEGRAM, "-100777")).containsExactly(a);
        assertThat(feeds.allChatFeeds()).containsExactly(a, b);
        assertThat(feeds.removeChatFeed(Platform.TELEGRAM, "-100777", "https://a.example/rss")).isTrue();
        assertThat(feeds.removeChatFeed(Platform.TELEGRAM, "-100777", "https://a.example/rss")).isFalse();
        assertThat(feeds.allChatFeeds()).containsExactly(b);
    }
}
