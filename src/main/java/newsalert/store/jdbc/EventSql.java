package newsalert.store.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import newsalert.json.StoryJson;
import newsalert.store.EventView;
import newsalert.store.StoredStory;

/** The event table's SQL and {@code story.event_id}; callers hold the connection's lock and a transaction. */
final class EventSql {
    private EventSql() {
    }

    /** Sets the story's event. */
    static void link(Connection conn, String storyId, String eventId) throws SQLException {
        update(conn, "UPDATE story SET event_id = ? WHERE id = ?", eventId, storyId);
    }

    /** Inserts the event row (its first view kept in {@code first_json}), or replaces its view when it exists. */
    static void save(Connection conn, EventView view, Instant at) throws SQLException {
        if (!update(conn, view, at)) {
            String json = json(view);
            update(conn, "INSERT INTO event (id, story_id, json, first_json, updated_at) VALUES (?, ?, ?, ?, ?)",
                    view.eventId(), view.story().id(), json, json, at.toEpochMilli());
        }
    }

    /** @return whether the event had a row, whose view is now replaced (its standing story is kept) */
    static boolean update(Connection conn, EventView view, Instant at) throws SQLException {
        return update(conn, "UPDATE event SET json = ?, updated_at = ? WHERE id = ?", json(view), at.toEpochMilli(),
                view.eventId()) > 0;
    }

    static Map<String, String> alerted(Connection conn) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (PreparedStatement ps = Jdbc.prepare(conn, "SELECT id, story_id FROM event ORDER BY updated_at");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    static List<StoredStory> storiesSince(Connection conn, Instant since) throws SQLException {
        List<StoredStory> out = new ArrayList<>();
        try (PreparedStatement ps = Jdbc.prepare(conn, "SELECT json, first_seen, alert FROM story"
                + " WHERE NOT chat_only AND COALESCE(published, first_seen) >= ? ORDER BY COALESCE(published, first_seen), id",
                since.toEpochMilli()); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                JsonNode node = StoryJson.parse(rs.getString(1));
                out.add(new StoredStory(StoryJson.storyFrom(node), StoryJson.assessmentFrom(node),
                        Jdbc.instant(rs, 2), rs.getBoolean(3)));
            }
        }
        return out;
    }

    /** The shared stories with {@code seq > afterSeq}, lowest first (see {@code NewsStore#storiesAfter}). */
    static List<newsalert.store.CaughtStory> storiesAfter(Connection conn, long afterSeq, int limit)
            throws SQLException {
        List<newsalert.store.CaughtStory> out = new ArrayList<>();
        try (PreparedStatement ps = Jdbc.prepare(conn, "SELECT s.seq, s.json, s.first_seen, s.alert, s.event_id,"
                + " (SELECT MIN(e.id) FROM event e WHERE e.story_id = s.id) FROM story s"
                + " WHERE s.seq > ? AND NOT s.chat_only ORDER BY s.seq LIMIT ?", afterSeq, limit);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                JsonNode node = StoryJson.parse(rs.getString(2));
                StoredStory stored = new StoredStory(StoryJson.storyFrom(node), StoryJson.assessmentFrom(node),
                        Jdbc.instant(rs, 3), rs.getBoolean(4));
                out.add(new newsalert.store.CaughtStory(rs.getLong(1), stored, rs.getString(5), rs.getString(6)));
            }
        }
        return out;
    }

    /** @return the highest {@code story.seq}, 0 when none */
    static long lastSeq(Connection conn) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM story");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static String json(EventView view) {
        return StoryJson.toLine(StoryJson.toJson(view.story(), view.assessment(), true));
    }

    private static int update(Connection conn, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(conn, sql, args)) {
            return ps.executeUpdate();
        }
    }
}
