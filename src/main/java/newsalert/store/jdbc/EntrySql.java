package newsalert.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import newsalert.store.ChatFeedCap;
import newsalert.store.EventView;
import newsalert.story.Assessment;
import newsalert.story.Story;
import newsalert.subscription.Target;

/**
 * The SQL of recording one feed entry (seen entry, story, event link, alert, outbox rows); callers hold the
 * connection's lock and a transaction.
 */
final class EntrySql {
    private EntrySql() {
    }

    /**
     * One entry to record: {@code entryId} is the feed's id for it (the seen-entry key), {@code story.id()} the
     * stored story's; {@code chatOnly} when its feed is only a chat-added one (never configured); {@code cap}
     * the chat-added feed's cap on its rows, or {@code null} for none.
     */
    record Entry(String feedUrl, String entryId, Story story, Assessment assessment, boolean alert, Instant firstSeen,
                 List<Target> targets, String eventId, EventView view, boolean chatOnly, ChatFeedCap cap) {
    }

    /**
     * Records the entry: nothing when the feed's entry was seen before; else the seen entry, the story when
     * its id is new (chat-only when {@code chatOnly}), the event link and view, the alert (when asked and
     * none exists) and the targets' outbox rows. A story recorded from a shared (configured) feed stops being
     * chat-only.
     *
     * @return true when the entry was new for its feed
     */
    static boolean record(Connection conn, Entry e) throws SQLException {
        String id = e.story().id();
        if (exists(conn, "SELECT 1 FROM seen_entry WHERE feed_url = ? AND entry_id = ?", e.feedUrl(), e.entryId())) {
            return false;
        }
        try (PreparedStatement ps = Jdbc.prepare(conn,
                "INSERT INTO seen_entry (feed_url, entry_id, first_seen) VALUES (?, ?, ?)", e.feedUrl(), e.entryId(),
                e.firstSeen().toEpochMilli())) {
            ps.executeUpdate();
        }
        if (!exists(conn, "SELECT 1 FROM story WHERE id = ?", id)) {
            StorySql.insert(conn, e.feedUrl(), e.story(), e.assessment(), e.firstSeen(), e.chatOnly());
        } else if (!e.chatOnly()) {
            StorySql.share(conn, id);
        }
        if (e.eventId() != null) {
            EventSql.link(conn, id, e.eventId());
        }
        if (e.view() != null) {
            EventSql.save(conn, e.view(), e.firstSeen());
        }
        if (e.alert()) {
            StorySql.insertAlert(conn, id, e.firstSeen());
        }
        OutboxSql.insert(conn, id, e.assessment().severity(), e.targets(), e.firstSeen(),
                e.cap() == null ? null : new ChatFeedWindows(conn, e.feedUrl(), e.cap(), e.firstSeen()));
        return true;
    }

    private static boolean exists(Connection conn, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(conn, sql, args);
             ResultSet rs = ps.executeQuery()) {
            return rs.next();
        }
    }
}
