package newsalert.store.jdbc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import newsalert.store.StoreException;
import newsalert.store.StoreStatus;
import newsalert.subscription.Platform;

/**
 * Read-only monitoring queries on the connection pool of a {@link JdbcNewsStore}; obtain it from
 * {@link JdbcNewsStore#status()}. Used by {@code newsalert status}, the {@code newsalert_outbox_pending} gauge
 * and {@code /health}.
 */
public final class JdbcStatus {
    private final Db db;

    JdbcStatus(Db db) {
        this.db = db;
    }

    /**
     * Checks that the store still works: reads its schema (so a file overwritten with junk is noticed) and, for
     * SQLite, that the database file is still where it was opened (a deleted file keeps answering through the
     * open connection, but everything written to it is lost at the next start).
     *
     * @throws StoreException when the store does not answer, is damaged, or its file is gone; the message is
     *                        plain words
     */
    public void ping() {
        try (Connection conn = db.dataSource().getConnection(); Statement st = conn.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM feed_state")) {
                rs.next();
            }
            if (conn.getMetaData().getURL().startsWith("jdbc:sqlite:")) {
                try (ResultSet rs = st.executeQuery("PRAGMA database_list")) {
                    while (rs.next()) {
                        String file = rs.getString("file");
                        if ("main".equals(rs.getString("name")) && file != null && !file.isEmpty()
                                && !Files.exists(Path.of(file))) {
                            throw StoreException.plain("the store file " + file + " was deleted or moved while"
                                    + " the bot runs; what it writes now is lost at the next start", null);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw StoreException.plain("the store does not answer or is damaged", e);
        }
    }

    /**
     * @param now the time "last hour" and "last day" count back from
     * @return feeds, outbox backlog, subscriptions and recent alerts
     * @throws StoreException when the store cannot be read
     */
    public StoreStatus read(Instant now) {
        return db.read("cannot read the store's status", conn -> StatusSql.read(conn, now));
    }

    /**
     * @return pending outbox rows per platform that has any, with the oldest row's creation time
     * @throws StoreException when the store cannot be read
     */
    public Map<Platform, StoreStatus.Backlog> outboxBacklog() {
        return db.read("cannot count pending outbox rows", StatusSql::pending);
    }
}
