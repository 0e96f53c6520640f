package newsalert.store.jdbc;

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
 * Read-only monitoring queries over the connection and lock of a {@link JdbcNewsStore}; obtain it from
 * {@link JdbcNewsStore#status()}. Used by {@code newsalert status}, the {@code newsalert_outbox_pending} gauge
 * and {@code /health}.
 */
public final class JdbcStatus {
    private final Connection conn;
    private final Object lock;

    JdbcStatus(Connection conn, Object lock) {
        this.conn = conn;
        this.lock = lock;
    }

    /**
     * Runs a trivial query ({@code SELECT 1}).
     *
     * @throws StoreException when the store does not answer (closed, broken connection)
     */
    public void ping() {
        synchronized (lock) {
            try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT 1")) {
                rs.next();
            } catch (SQLException e) {
                throw new StoreException("the store does not answer", e);
            }
        }
    }

    /**
     * @param now the time "last hour" and "last day" count back from
     * @return feeds, outbox backlog, subscriptions and recent alerts
     * @throws StoreException when the store cannot be read
     */
    public StoreStatus read(Instant now) {
        synchronized (lock) {
            return StatusSql.read(conn, now);
        }
    }

    /**
     * @return pending outbox rows per platform that has any, with the oldest row's creation time
     * @throws StoreException when the store cannot be read
     */
    public Map<Platform, StoreStatus.Backlog> outboxBacklog() {
        synchronized (lock) {
            return StatusSql.pending(conn);
        }
    }
}
