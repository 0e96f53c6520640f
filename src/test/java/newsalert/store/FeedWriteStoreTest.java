package newsalert.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.story.Story;
import newsalert.story.Topic;
import newsalert.subscription.Platform;
import newsalert.subscription.Subscription;
import newsalert.subscription.Target;
import newsalert.testing.ConsoleRows;
import newsalert.testing.Stories;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import newsalert.testing.StoreKind;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The store's side of one feed read: the prior state read once, the decision written in one transaction (issue 13). */
@ParameterizedClass(name = "{0}")
@EnumSource(StoreKind.class)
class FeedWriteStoreTest {
    @Parameter
    StoreKind kind;

    private static final Instant T0 = Instant.parse("2026-05-04T12:00:00Z");
    private static final String FEED = "https://wire.test/rss";
    private static final Target GROUP = Target.chat(Platform.TELEGRAM, "-100200");

    @TempDir
    Path dir;

    private String url() {
        return kind.url(dir);
    }

    private static FeedState state(Instant at, int failures) {
        return new FeedState(FEED, "\"e1\"", null, T0, at, at.plusSeconds(300), failures,
                failures == 0 ? null : "HTTP 503");
    }

    @Test
    void oneReadIsWrittenTogetherAndReadBackAsPriorState() {
        Story story = Stories.story("a", "Strike on a depot", T0);
        try (JdbcNewsStore store = JdbcNewsStore.open(url())) {
            store.subscriptions().saveSubscription(Subscription.of(GROUP, EnumSet.of(Topic.ATTACK), 0, T0));
            FeedWrite.Applied applied = store.apply(new FeedWrite(FEED, List.of(
                    new FeedWrite.SeeEntry("a", "hash-1", T0),
                    new FeedWrite.InsertStory(story, Stories.attack(true), T0, false),
                    new FeedWrite.GlobalAlert("a", T0),
                    new FeedWrite.GlobalAlert("a", T0),
                    new FeedWrite.Sends("a", 80, List.of(GROUP, GROUP), T0, null),
                    new FeedWrite.Edits("a", 80, T0, null)), state(T0, 0)));

            // the edits' row count: the two alerts just queued (the group's and the console's), still pending, get an
            // edit behind them in case their sends are on their way when the toll changes (V31)
            assertThat(applied.rows()).containsExactly(0, 0, 0, 0, 0, 2);
            assertThat(store.feedState(FEED)).contains(state(T0, 0));
            // the global alert is the console's send row (V12), written once like the group's
            assertThat(ConsoleRows.pendingAlerts(store)).containsExactly("a");
            assertThat(store.subscriptions().pendingOutbox(GROUP, 10)).extracting(OutboxItem::kind)
                    .containsExactly(OutboxKind.SEND, OutboxKind.EDIT);

            PriorState unchanged = store.priorState(FEED, List.of(new EntryKey("a", "a", "hash-1")));
            assertThat(unchanged.seen()).isEqualTo(Map.of("a", "hash-1"));
            assertThat(unchanged.stories()).as("an unchanged entry's story is not read").isEmpty();

            long sent = store.subscriptions().pendingOutbox(10).get(0).id();
            store.subscriptions().markSent(sent, "m1", T0);
            PriorState changed = store.priorState(FEED, List.of(new EntryKey("a", "a", "hash-2"),
                    new EntryKey("b", "b", "hash-3")));
            assertThat(changed.seen()).isEqualTo(Map.of("a", "hash-1"));
            assertThat(changed.stories()).containsOnlyKeys("a");
            PriorState.Stored a = changed.stories().get("a");
            assertThat(a.alertWorthy()).isTrue();
            assertThat(a.chatOnly()).isFalse();
            assertThat(a.editable()).isTrue();
            assertThat(a.standingFor()).isNull();
            assertThat(a.assessment().casualties()).isEqualTo(Stories.attack(true).casualties());

            FeedWrite.Applied edits = store.apply(new FeedWrite(FEED, List.of(
                    new FeedWrite.RehashEntry("a", "hash-2"),
                    new FeedWrite.ReviseStory(story, Stories.attackKilling(30)),
                    new FeedWrite.Edits("a", 80, T0, null)), null));
            // the group's sent alert and the console's pending one (V31: maybe on its way) get an edit each
            assertThat(edits.rows()).containsExactly(0, 0, 2);
            assertThat(store.priorState(FEED, List.of(new EntryKey("a", "a", "hash-9"))).stories().get("a")
                    .editable()).as("an edit is pending, and the next revision queues its own").isTrue();
        }
    }

    @Test
    void aReadTheStoreRefusesLeavesNothingBehindItsStateIncluded() {
        Story story = Stories.story("a", "Strike on a depot", T0);
        try (JdbcNewsStore store = JdbcNewsStore.open(url())) {
            FeedWrite twice = new FeedWrite(FEED, List.of(
                    new FeedWrite.SeeEntry("a", "hash-1", T0),
                    new FeedWrite.InsertStory(story, Stories.attack(true), T0, false),
                    new FeedWrite.GlobalAlert("a", T0),
                    new FeedWrite.SeeEntry("a", "hash-1", T0)), state(T0, 0));

            assertThatThrownBy(() -> store.apply(twice)).isInstanceOf(StoreException.class)
                    .hasMessageStartingWith("cannot store the entries of " + FEED);

            assertThat(store.seenCount(FEED)).isZero();
            assertThat(ConsoleRows.pendingAlerts(store)).isEmpty();
            assertThat(store.feedState(FEED)).isEmpty();
            assertThat(store.storiesSince(T0.minusSeconds(1))).isEmpty();
        }
    }

    @Test
    void theStateUpsertKeepsWhenARunOfFailuresBegan() throws Exception {
        try (JdbcNewsStore store = JdbcNewsStore.open(url())) {
            store.saveFeedStates(List.of(state(T0, 1)));
            assertThat(failingSince()).isEqualTo(T0.toEpochMilli());
            store.saveFeedStates(List.of(state(T0.plusSeconds(600), 2)));
            assertThat(failingSince()).isEqualTo(T0.toEpochMilli());
            assertThat(store.feedState(FEED)).contains(state(T0.plusSeconds(600), 2));
            store.saveFeedState(state(T0.plusSeconds(1200), 0));
            assertThat(failingSince()).isNull();
        }
    }

    private Long failingSince() throws Exception {
        try (Connection c = DriverManager.getConnection(url()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT failing_since FROM feed_state")) {
            rs.next();
            long v = rs.getLong(1);
            return rs.wasNull() ? null : v;
        }
    }

    /**
     * V11 rebuilds the outbox, subscription and alert tables on SQLite: their rows and ids are kept; V12 then turns
     * the alert row into the console's send row, with the next id the database gives.
     */
    @Test
    void rowsStoredBeforeV11KeepTheirIdsAndNewRowsGetTheNextFromTheDatabase() throws Exception {
        Flyway.configure().dataSource(url(), null, null).locations("classpath:db/migration").target("10").load()
                .migrate();
        Story old = Stories.story("old", "Strike on a depot", T0);
        try (Connection c = DriverManager.getConnection(url()); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO subscription (id, platform, chat_id, thread_id, topics, created_at)"
                    + " VALUES (7, 'telegram', '-100200', '', 'attack', 1)");
            st.executeUpdate("INSERT INTO story (id, feed_url, title, first_seen, severity, topics, alert, json)"
                    + " VALUES ('old', '" + FEED + "', 'Strike on a depot', 1, 80, 'attack', TRUE, '"
                    + newsalert.json.StoryJson.toLine(newsalert.json.StoryJson.toJson(old, Stories.attack(true), true))
                    + "')");
            st.executeUpdate("INSERT INTO alert (id, story_id, created_at) VALUES (41, 'old', 1)");
            st.executeUpdate("INSERT INTO outbox (id, story_id, platform, chat_id, severity, created_at)"
                    + " VALUES (12, 'old', 'telegram', '-100200', 80, 1)");
            st.executeUpdate("INSERT INTO seen_entry (feed_url, entry_id, first_seen) VALUES ('" + FEED
                    + "', 'old', 1)");
        }
        try (JdbcNewsStore store = JdbcNewsStore.open(url())) {
            assertThat(store.subscriptions().subscription(GROUP).orElseThrow().id()).isEqualTo(7);
            assertThat(store.subscriptions().pendingOutbox(10)).extracting(OutboxItem::id, o -> o.target().platform())
                    .containsExactly(tuple(12L, Platform.TELEGRAM), tuple(13L, Platform.CONSOLE));
            assertThat(ConsoleRows.pendingAlerts(store)).containsExactly("old");
            assertThat(store.priorState(FEED, List.of(new EntryKey("old", "old", "h"))).seen())
                    .as("an entry stored before hashes were kept").isEqualTo(Map.of("old", ""));

            Target other = Target.chat(Platform.DISCORD, "55");
            assertThat(store.subscriptions().saveSubscription(Subscription.of(other, EnumSet.of(Topic.ATTACK), 0, T0))
                    .id()).isEqualTo(8);
            Story fresh = Stories.story("new", "Strike on a port", T0);
            store.apply(new FeedWrite(FEED, List.of(new FeedWrite.SeeEntry("new", "h2", T0),
                    new FeedWrite.InsertStory(fresh, Stories.attack(true), T0, false),
                    new FeedWrite.GlobalAlert("new", T0),
                    new FeedWrite.Sends("new", 80, List.of(other), T0, null)), null));
            assertThat(ConsoleRows.pendingAlerts(store)).containsExactly("old", "new");
            assertThat(store.subscriptions().pendingOutbox(10)).extracting(OutboxItem::id)
                    .containsExactly(12L, 13L, 14L, 15L);
        }
    }
}
