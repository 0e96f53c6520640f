package newsalert.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import newsalert.json.StoryJson;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.story.Assessment;
import newsalert.story.Casualties;
import newsalert.story.Story;
import newsalert.story.Topic;
import newsalert.subscription.Platform;
import newsalert.subscription.Target;
import org.flywaydb.core.Flyway;
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

/** Stories of chat-added feeds are seen only by the chats that added the feed or were sent the story. */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class ChatOnlyStoriesTest {
    @Parameter
    StoreKind kind;

    private static final Instant T0 = Instant.parse("2025-09-02T06:00:00Z");
    private static final String WIRE = "https://wire.example/world.rss";
    private static final String ALICE_FEED = "https://odesa-local.example/rss";
    /** Chat A: a private chat that added its own feed. */
    private static final Target A = Target.chat(Platform.TELEGRAM, "5550001");
    /** Chat B: a Discord server, asking from one of its channels. */
    private static final Target B = new Target(Platform.DISCORD, "880001", "990001");

    @TempDir
    Path dir;
    JdbcNewsStore news;

    @BeforeEach
    void open() {
        news = JdbcNewsStore.open(url());
        news.chatFeeds().addChatFeed(new ChatFeed(Platform.TELEGRAM, A.chatId(), ALICE_FEED, "1", T0));
        // the chat feed's first poll: recorded, routed nowhere
        chatEntry("c0", "Drone debris falls on Odesa suburb overnight", Set.of(Topic.ATTACK), 0);
        chatEntry("c1", "Missile strike on Odesa grain terminal", Set.of(Topic.ATTACK), 1, A);
        chatEntry("c2", "Odesa mayor meets Turkish envoy on port safety", Set.of(Topic.DIPLOMACY), 2, A);
        wireEntry("w1", "Talks in Istanbul on Odesa shipping corridor", Set.of(Topic.DIPLOMACY), true, 3, A, B);
    }

    @AfterEach
    void close() {
        news.close();
    }

    private String url() {
        return kind.url(dir);
    }

    private static Story story(String id, String title, int minutes) {
        return new Story(id, "Odesa Local", title, "https://odesa-local.example/" + id, T0.plusSeconds(60L * minutes),
                title + ". Local officials confirmed it.");
    }

    private static Assessment assessment(Set<Topic> topics) {
        return new Assessment(topics, topics.isEmpty() ? 0 : 60, List.of(), Casualties.NONE, List.of(),
                !topics.isEmpty());
    }

    private void chatEntry(String id, String title, Set<Topic> topics, int minutes, Target... to) {
        chatEntry(ALICE_FEED, id, title, topics, minutes, to);
    }

    private void chatEntry(String feed, String id, String title, Set<Topic> topics, int minutes, Target... to) {
        news.recordChatEntry(feed, id, story(id, title, minutes), assessment(topics), T0.plusSeconds(60L * minutes),
                List.of(to));
    }

    private void wireEntry(String id, String title, Set<Topic> topics, boolean alert, int minutes, Target... to) {
        news.recordEntry(WIRE, story(id, title, minutes), assessment(topics), alert, T0.plusSeconds(60L * minutes),
                List.of(to));
    }

    private static List<String> ids(List<StoredStory> found) {
        return found.stream().map(s -> s.story().id()).toList();
    }

    private static Target chat(String name) {
        return switch (name) {
            case "A" -> A;
            case "A-topic" -> new Target(Platform.TELEGRAM, A.chatId(), "17");
            case "B" -> B;
            case "B-other-channel" -> new Target(Platform.DISCORD, B.chatId(), "990002");
            // same chat id as A on another platform: not the same chat
            case "A-id-on-discord" -> Target.chat(Platform.DISCORD, A.chatId());
            default -> throw new IllegalArgumentException(name);
        };
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "A               | w1 c2 c1 c0",
            "A-topic         | w1 c2 c1 c0",
            "B               | w1",
            "B-other-channel | w1",
            "A-id-on-discord | w1",
    })
    void searchFindsChatOnlyStoriesOnlyInTheChatThatAddedTheFeed(String who, String expected) {
        assertThat(ids(news.queries().searchTitles(chat(who), List.of("odesa"), 10)))
                .containsExactlyElementsOf(Arrays.asList(expected.split(" ")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "A               | c1 | true",
            "A-topic         | c0 | true",
            "B               | c1 | false",
            "B               | c0 | false",
            "A-id-on-discord | c1 | false",
            "B               | w1 | true",
            "A               | w1 | true",
            "A               | zz | false",
    })
    void storyByIdIsEmptyForAnotherChatsChatOnlyStory(String who, String id, boolean found) {
        assertThat(news.queries().story(chat(who), id).map(s -> s.story().id())).as(who + " asks for " + id)
                .isEqualTo(found ? Optional.of(id) : Optional.empty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "A       | ''        | w1 c2 c1",
            "A-topic | ''        | w1 c2 c1",
            "A       | attack    | c1",
            "A       | diplomacy | w1 c2",
            "B       | ''        | w1",
            "B       | attack    | ''",
    })
    void latestListsGlobalAlertsAndTheChatOnlyStoriesRoutedToThisChat(String who, String topic, String expected) {
        Topic t = topic.isEmpty() ? null : Topic.fromWireName(topic);
        List<String> want = expected.isEmpty() ? List.of() : Arrays.asList(expected.split(" "));
        assertThat(ids(news.queries().latestAlerts(chat(who), 10, t))).containsExactlyElementsOf(want);
        assertThat(ids(news.queries().latestAlerts(chat(who), 1, t))).isEqualTo(want.stream().limit(1).toList());
    }

    @Test
    void aStoryThatAlsoArrivesFromAConfiguredFeedBecomesShared() {
        chatEntry("x1", "Port crane hit in Odesa strike", Set.of(Topic.ATTACK), 4, A);
        assertThat(news.queries().story(B, "x1")).isEmpty();
        wireEntry("x1", "Port crane hit in Odesa strike", Set.of(Topic.ATTACK), false, 5);
        assertThat(news.queries().story(B, "x1")).isPresent();
        assertThat(ids(news.queries().searchTitles(B, List.of("crane"), 10))).containsExactly("x1");
        // shared, it is no longer one of A's chat-only rows in latest (it never became a global alert)
        assertThat(ids(news.queries().latestAlerts(A, 10, null))).containsExactly("w1", "c2", "c1");
    }

    @Test
    void chatOnlyStoriesAreLeftOutOfTheEventRebuildAfterARestart() {
        assertThat(ids(news.storiesSince(T0))).containsExactly("w1");
    }

    @Test
    void aSharedStoryStaysSharedWhenAChatFeedCarriesItLater() {
        wireEntry("x2", "Grain ship leaves Odesa under escort", Set.of(Topic.DIPLOMACY), false, 4);
        chatEntry("x2", "Grain ship leaves Odesa under escort", Set.of(Topic.DIPLOMACY), 5, A);
        assertThat(news.queries().story(B, "x2")).isPresent();
    }

    @Test
    void twoChatsThatAddedTheSameFeedBothSeeItsStoriesAndNobodyElse() {
        news.chatFeeds().addChatFeed(new ChatFeed(Platform.DISCORD, B.chatId(), ALICE_FEED, "2", T0));
        Target third = Target.chat(Platform.TELEGRAM, "-1009990001");
        assertThat(news.queries().story(B, "c0")).isPresent();
        assertThat(news.queries().story(A, "c0")).isPresent();
        assertThat(news.queries().story(third, "c0")).isEmpty();
    }

    @Test
    void anotherFeedRecordingTheSameStoryIdDoesNotShowItToItsChat() {
        // the poller gives chat feeds' stories ids of their own, so this only happens to stories stored before
        String bobFeed = "https://black-sea-watch.example/feed";
        news.chatFeeds().addChatFeed(new ChatFeed(Platform.DISCORD, B.chatId(), bobFeed, "2", T0));
        chatEntry(bobFeed, "c0", "Missile strike on Odesa grain terminal", Set.of(Topic.ATTACK), 4);
        assertThat(news.queries().story(B, "c0")).isEmpty();
        assertThat(news.queries().story(A, "c0")).isPresent();
    }

    @Test
    void afterTheFeedIsRemovedTheChatStillSeesWhatItWasSent() {
        news.chatFeeds().removeChatFeed(Platform.TELEGRAM, A.chatId(), ALICE_FEED);
        assertThat(ids(news.queries().searchTitles(A, List.of("odesa"), 10))).containsExactly("w1", "c2", "c1");
        assertThat(news.queries().story(A, "c0")).isEmpty();
    }

    @Test
    void storiesWrittenBeforeTheMigrationStayVisibleToEveryChat() throws Exception {
        news.close();
        String v7 = "jdbc:sqlite:" + dir.resolve("v7.db");
        Flyway.configure().dataSource(v7, null, null).locations("classpath:db/migration").target("7").load()
                .migrate();
        Story old = story("old1", "Shelling damages Odesa opera house", 0);
        Assessment a = assessment(Set.of(Topic.ATTACK));
        try (Connection c = DriverManager.getConnection(v7);
             PreparedStatement s = c.prepareStatement("INSERT INTO story (id, feed_url, title, published, first_seen,"
                     + " severity, topics, alert, json) VALUES (?, ?, ?, ?, ?, 60, 'attack', ?, ?)");
             PreparedStatement al = c.prepareStatement(
                     "INSERT INTO alert (id, story_id, created_at, delivered_at) VALUES (1, 'old1', ?, NULL)")) {
            s.setString(1, old.id());
            s.setString(2, ALICE_FEED);
            s.setString(3, old.title());
            s.setLong(4, T0.toEpochMilli());
            s.setLong(5, T0.toEpochMilli());
            s.setBoolean(6, true);
            s.setString(7, StoryJson.toLine(StoryJson.toJson(old, a, true)));
            s.executeUpdate();
            al.setLong(1, T0.toEpochMilli());
            al.executeUpdate();
        }
        news = JdbcNewsStore.open(v7);
        assertThat(news.queries().story(B, "old1").orElseThrow().story().title())
                .isEqualTo("Shelling damages Odesa opera house");
        assertThat(ids(news.queries().searchTitles(B, List.of("opera"), 10))).containsExactly("old1");
        assertThat(ids(news.queries().latestAlerts(B, 5, Topic.ATTACK))).containsExactly("old1");
    }
}
