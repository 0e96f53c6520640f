package newsalert.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import newsalert.json.StoryJson;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.story.Assessment;
import newsalert.story.Story;
import newsalert.subscription.Platform;
import newsalert.subscription.Target;
import newsalert.testing.ConsoleRows;
import newsalert.testing.Stories;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V12 drops the {@code alert} table: a store written before keeps its global alerts ({@code latest}, status),
 * an alert not yet printed is printed by the console on the next start, and one printed before still gets its
 * toll updates.
 */
class ConsoleOutboxMigrationTest {
    private static final Instant T0 = Instant.parse("2025-08-28T15:00:00Z");
    private static final String FEED = "https://wire.test/world.rss";
    private static final Target ALICE = Target.chat(Platform.TELEGRAM, "5550001");

    @TempDir
    Path dir;

    @Test
    void alertRowsBecomeAlertedStoriesAndConsoleOutboxRows() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("v10.db");
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("10").load()
                .migrate();
        try (Connection c = DriverManager.getConnection(url)) {
            insertStory(c, Stories.story("printed", "Strike kills 19", T0), Stories.attackKilling(19), T0);
            insertStory(c, Stories.story("waiting", "Second strike on port", T0), Stories.attack(true),
                    T0.plusSeconds(60));
            insertStory(c, Stories.story("calm", "Calm day at the port", T0), Stories.nothing(), T0);
            try (Statement st = c.createStatement()) {
                st.executeUpdate("INSERT INTO alert (id, story_id, created_at, delivered_at) VALUES (1, 'printed', "
                        + T0.toEpochMilli() + ", " + T0.plusSeconds(1).toEpochMilli() + ")");
                st.executeUpdate("INSERT INTO alert (id, story_id, created_at, delivered_at) VALUES (2, 'waiting', "
                        + T0.plusSeconds(60).toEpochMilli() + ", NULL)");
                st.executeUpdate("INSERT INTO outbox (id, story_id, platform, chat_id, thread_id, severity, status,"
                        + " attempts, created_at, kind) VALUES (5, 'printed', 'telegram', '5550001', '', 80,"
                        + " 'pending', 0, " + T0.toEpochMilli() + ", 'send')");
            }
        }

        try (JdbcNewsStore news = JdbcNewsStore.open(url)) {
            // latest lists the global alerts, newest first, as before
            assertThat(news.queries().latestAlerts(ALICE, 5, null)).extracting(s -> s.story().id())
                    .containsExactly("waiting", "printed");
            // the undelivered alert waits for the console, after the outbox's own rows, with its old time
            List<OutboxItem> pending = ConsoleRows.pending(news);
            assertThat(pending).extracting(o -> o.id() + ":" + o.story().id() + "@" + o.createdAt() + "/" + o.severity())
                    .containsExactly("7:waiting@" + T0.plusSeconds(60) + "/80");
            // the printed one counts as sent under its headline, so its toll update reaches the console
            assertThat(news.queries().delivery("printed", Target.CONSOLE)).contains(OutboxStatus.SENT);
            assertThat(news.subscriptions().sentMessageId("printed", Target.CONSOLE)).contains("Strike kills 19");
            // (and Alice's alert, still pending, gets an edit behind it in case its send is on its way: V31)
            assertThat(news.reviseStory(Stories.story("printed", "Toll rises to 25", T0), Stories.attackKilling(25),
                    T0.plus(Duration.ofMinutes(5)))).containsExactlyInAnyOrder(Target.CONSOLE, ALICE);
            // a story alerted before is not alerted again
            assertThat(news.recordEntry("https://other.test/rss", Stories.story("printed", "Strike kills 19", T0),
                    Stories.attackKilling(19), true, T0.plusSeconds(600))).isTrue();
            assertThat(ConsoleRows.pendingAlerts(news)).containsExactly("waiting");
        }
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'alert'")) {
            assertThat(rs.next()).as("the alert table is gone").isFalse();
        }
    }

    private static void insertStory(Connection c, Story story, Assessment a, Instant firstSeen) throws Exception {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO story (id, feed_url, title, published, first_seen,"
                + " severity, topics, alert, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, story.id());
            s.setString(2, FEED);
            s.setString(3, story.title());
            s.setLong(4, story.published().toEpochMilli());
            s.setLong(5, firstSeen.toEpochMilli());
            s.setInt(6, a.severity());
            s.setString(7, a.topics().isEmpty() ? "" : "attack");
            s.setBoolean(8, a.alert());
            s.setString(9, StoryJson.toLine(StoryJson.toJson(story, a, true)));
            s.executeUpdate();
        }
    }
}
