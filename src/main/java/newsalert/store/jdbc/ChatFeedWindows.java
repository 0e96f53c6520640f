package newsalert.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import newsalert.store.ChatFeedCap;
import newsalert.store.OutboxKind;
import newsalert.subscription.Target;

/**
 * Applies a {@link ChatFeedCap} to the rows one chat-added feed queues, inside the caller's transaction: reads
 * and updates the (feed, target) window in {@code chat_feed_window}, and queues the window's one notice row
 * (written for the chat's time zone, read from {@code chat_settings}).
 * Callers hold the connection's lock.
 */
final class ChatFeedWindows {
    private final Connection conn;
    private final String feedUrl;
    private final ChatFeedCap cap;
    private final Instant now;

    /** @param now the time of the rows being queued (the poll time) */
    ChatFeedWindows(Connection conn, String feedUrl, ChatFeedCap cap, Instant now) {
        this.conn = conn;
        this.feedUrl = feedUrl;
        this.cap = cap;
        this.now = now;
    }

    /**
     * Counts one row for the target in its window (opening a new window when none is open) and decides
     * whether it goes now. The first row held in a window also queues the notice (kind {@code notice}, for
     * {@code storyId}) before the caller inserts the held row.
     *
     * @return {@code null} when the row goes as usual, else the end of the window, until which it is held
     */
    Instant admit(Target t, String storyId, int severity) throws SQLException {
        Instant opened = null;
        int passed = 0;
        boolean notified = false;
        try (PreparedStatement ps = Jdbc.prepare(conn, "SELECT opened_at, passed, notified FROM chat_feed_window"
                        + " WHERE feed_url = ? AND platform = ? AND chat_id = ? AND thread_id = ?", feedUrl,
                t.platform().wireName(), t.chatId(), Jdbc.thread(t.threadId()));
             ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                opened = Instant.ofEpochMilli(rs.getLong(1));
                passed = rs.getInt(2);
                notified = rs.getBoolean(3);
            }
        }
        if (opened == null || !opened.plus(cap.window()).isAfter(now)) {
            save(t, opened != null, now, 1, false);
            return null;
        }
        if (passed < cap.maxRows()) {
            save(t, true, opened, passed + 1, notified);
            return null;
        }
        Instant end = opened.plus(cap.window());
        if (!notified) {
            OutboxSql.insertRow(conn, storyId, severity, t, OutboxKind.NOTICE, cap.notice().apply(end, zone(t)), null,
                    now);
            save(t, true, opened, passed, true);
        }
        return end;
    }

    /** @return the zone the target's chat set with {@code timezone} (UTC when it set none) */
    private ZoneId zone(Target t) throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(conn, "SELECT time_zone FROM chat_settings WHERE platform = ?"
                        + " AND chat_id = ?", t.platform().wireName(), t.chatId());
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? JdbcSubscriptionStore.zone(rs.getString(1)) : ZoneOffset.UTC;
        }
    }

    private void save(Target t, boolean exists, Instant opened, int passed, boolean notified) throws SQLException {
        String sql = exists
                ? "UPDATE chat_feed_window SET opened_at = ?, passed = ?, notified = ? WHERE feed_url = ?"
                        + " AND platform = ? AND chat_id = ? AND thread_id = ?"
                : "INSERT INTO chat_feed_window (opened_at, passed, notified, feed_url, platform, chat_id, thread_id)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = Jdbc.prepare(conn, sql, opened.toEpochMilli(), passed, notified, feedUrl,
                t.platform().wireName(), t.chatId(), Jdbc.thread(t.threadId()))) {
            ps.executeUpdate();
        }
    }
}
