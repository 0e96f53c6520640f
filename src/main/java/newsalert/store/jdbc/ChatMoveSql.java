package newsalert.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The SQL of {@link JdbcSubscriptionStore#moveChat}: re-keys one chat's rows to a new chat id. Callers hold
 * the connection's lock and a transaction.
 */
final class ChatMoveSql {
    private static final String MIGRATED = "chat migrated%";

    private ChatMoveSql() {
    }

    /** @return how many subscriptions live under the new id because of the move */
    static int move(Connection conn, String platform, String from, String to) throws SQLException {
        if (from.equals(to)) {
            return 0;
        }
        // rows whose key already exists under the new id lose to the new chat's row
        update(conn, "DELETE FROM subscription WHERE platform = ? AND chat_id = ? AND thread_id IN"
                + " (SELECT thread_id FROM subscription WHERE platform = ? AND chat_id = ?)", platform, from, platform, to);
        update(conn, "DELETE FROM keyword_rule WHERE platform = ? AND chat_id = ? AND term IN"
                + " (SELECT term FROM keyword_rule WHERE platform = ? AND chat_id = ?)", platform, from, platform, to);
        update(conn, "DELETE FROM chat_feed WHERE platform = ? AND chat_id = ? AND url IN"
                + " (SELECT url FROM chat_feed WHERE platform = ? AND chat_id = ?)", platform, from, platform, to);
        update(conn, "DELETE FROM chat_settings WHERE platform = ? AND chat_id = ? AND EXISTS"
                + " (SELECT 1 FROM chat_settings WHERE platform = ? AND chat_id = ?)", platform, from, platform, to);
        update(conn, "UPDATE chat_settings SET chat_id = ? WHERE platform = ? AND chat_id = ?", to, platform, from);
        int moved = update(conn, "UPDATE subscription SET chat_id = ? WHERE platform = ? AND chat_id = ?",
                to, platform, from);
        update(conn, "UPDATE subscription SET paused = ?, pause_reason = NULL WHERE platform = ? AND chat_id = ?"
                + " AND paused = ? AND pause_reason LIKE ?", false, platform, to, true, MIGRATED);
        update(conn, "UPDATE keyword_rule SET chat_id = ? WHERE platform = ? AND chat_id = ?", to, platform, from);
        update(conn, "UPDATE chat_feed SET chat_id = ? WHERE platform = ? AND chat_id = ?", to, platform, from);
        update(conn, "UPDATE outbox SET chat_id = ?, next_attempt_at = NULL WHERE platform = ? AND chat_id = ?"
                + " AND status = 'pending' AND kind IN ('send', 'notice')", to, platform, from);
        // an edit of a message that lives in the old chat cannot be made in the new one
        update(conn, "UPDATE outbox SET status = 'dropped', last_error = ? WHERE platform = ? AND chat_id = ?"
                + " AND status = 'pending' AND kind = 'edit'", "chat migrated to " + to, platform, from);
        return moved;
    }

    private static int update(Connection conn, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(conn, sql, args)) {
            return ps.executeUpdate();
        }
    }
}
