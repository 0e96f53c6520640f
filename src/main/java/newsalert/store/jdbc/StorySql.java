package newsalert.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import newsalert.json.StoryJson;
import newsalert.story.Assessment;
import newsalert.story.Story;
import newsalert.story.Topic;
import newsalert.subscription.Target;

/** The story and alert tables' SQL; callers hold the connection's lock and a transaction. */
final class StorySql {
    private StorySql() {
    }

    /**
     * Inserts the story with its own assessment ({@code alert} = the assessment's alert flag).
     *
     * @param chatOnly whether it came only from a chat-added feed (see the V8 migration)
     */
    static void insert(Connection conn, String feedUrl, Story story, Assessment a, Instant firstSeen,
                       boolean chatOnly) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "INSERT INTO story (id, feed_url, title, published, first_seen, severity, topics, alert, json,"
                        + " chat_only) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, story.id());
            ps.setString(2, feedUrl);
            ps.setString(3, story.title());
            Jdbc.setInstant(ps, 4, story.published());
            ps.setLong(5, firstSeen.toEpochMilli());
            ps.setInt(6, a.severity());
            ps.setString(7, topics(a));
            ps.setBoolean(8, a.alert());
            ps.setString(9, json(story, a));
            ps.setBoolean(10, chatOnly);
            ps.executeUpdate();
        }
    }

    /**
     * Inserts the story's global alert row unless it has one; the database gives its id. Every write of a global
     * alert goes through here.
     */
    static void insertAlert(Connection conn, String storyId, Instant at) throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(conn,
                "INSERT INTO alert (story_id, created_at, delivered_at) SELECT ?, ?, NULL"
                        + " WHERE NOT EXISTS (SELECT 1 FROM alert WHERE story_id = ?)", storyId,
                at.toEpochMilli(), storyId)) {
            ps.executeUpdate();
        }
    }

    /**
     * The rule of {@link newsalert.store.NewsStore#reviseStory} for its callers outside the poller (the poller
     * decides revisions itself, {@code pipeline.FeedDecision}, and applies them with {@link #replace}).
     */
    static List<Target> revise(Connection conn, Story story, Assessment a, Instant at) throws SQLException {
        return revise(conn, story, a, at, false);
    }

    /** @param chatOnly true to revise only a chat-only story (a shared one is then left as it is) */
    static List<Target> revise(Connection conn, Story story, Assessment a, Instant at, boolean chatOnly)
            throws SQLException {
        return revise(conn, story, a, at, chatOnly, null);
    }

    /** @param cap the chat-added feed's cap on its edit rows, or {@code null} for none */
    static List<Target> revise(Connection conn, Story story, Assessment a, Instant at, boolean chatOnly,
                               ChatFeedWindows cap) throws SQLException {
        Assessment stored;
        try (PreparedStatement ps = Jdbc.prepare(conn, "SELECT json, chat_only FROM story WHERE id = ?", story.id());
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next() || chatOnly && !rs.getBoolean(2)) {
                return List.of();
            }
            stored = StoryJson.assessmentFrom(StoryJson.parse(rs.getString(1)));
        }
        if (stored.casualties().equals(a.casualties()) && stored.topics().equals(a.topics())) {
            return List.of();
        }
        replace(conn, story, a);
        return OutboxSql.insertEdits(conn, story.id(), a.severity(), at, cap);
    }

    /** Replaces a stored story's title, severity, topics and content; first-seen time and alert flag kept. */
    static void replace(Connection conn, Story story, Assessment a) throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(conn, "UPDATE story SET title = ?, severity = ?, topics = ?,"
                + " json = ? WHERE id = ?", story.title(), a.severity(), topics(a), json(story, a), story.id())) {
            ps.executeUpdate();
        }
    }

    /** @return the stored story's alert-worthy flag, empty when unknown */
    static Optional<Boolean> alertWorthy(Connection conn, String storyId) throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(conn, "SELECT alert FROM story WHERE id = ?", storyId);
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(rs.getBoolean(1)) : Optional.empty();
        }
    }

    /**
     * Replaces a stored story, marks it alert-worthy and gives it an alert row when it has none.
     *
     * @return false when the story is unknown (nothing written)
     */
    static boolean alertRevised(Connection conn, Story story, Assessment a, Instant at) throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(conn, "UPDATE story SET title = ?, severity = ?, topics = ?,"
                + " alert = ?, json = ? WHERE id = ?", story.title(), a.severity(), topics(a), true, json(story, a),
                story.id())) {
            if (ps.executeUpdate() == 0) {
                return false;
            }
        }
        try (PreparedStatement ps = Jdbc.prepare(conn, "SELECT 1 FROM alert WHERE story_id = ?", story.id());
             ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                return true;
            }
        }
        insertAlert(conn, story.id(), at);
        return true;
    }

    static String topics(Assessment a) {
        return a.topics().stream().map(Topic::wireName).sorted().collect(Collectors.joining(","));
    }

    private static String json(Story story, Assessment a) {
        return StoryJson.toLine(StoryJson.toJson(story, a, true));
    }
}
