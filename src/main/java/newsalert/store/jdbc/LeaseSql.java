package newsalert.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The lease table's SQL; callers hold the connection's lock and, for {@link #acquire}, a transaction. */
final class LeaseSql {
    private LeaseSql() {
    }

    /** The rule of {@link newsalert.store.SubscriptionStore#acquireLease}. */
    static boolean acquire(Connection conn, String name, String owner, Instant now, Duration ttl)
            throws SQLException {
        long expires = now.plus(ttl).toEpochMilli();
        String holder = null;
        long holderExpires = 0;
        try (PreparedStatement ps = Jdbc.prepare(conn, "SELECT owner, expires_at FROM lease WHERE name = ?", name);
             ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                holder = rs.getString(1);
                holderExpires = rs.getLong(2);
            }
        }
        if (holder == null) {
            // two instances on PostgreSQL may both find no row: the second insert then does nothing and loses
            return update(conn, "INSERT INTO lease (name, owner, expires_at) VALUES (?, ?, ?)"
                    + " ON CONFLICT (name) DO NOTHING", name, owner, expires) > 0;
        }
        if (holder.equals(owner) || holderExpires <= now.toEpochMilli()) {
            update(conn, "UPDATE lease SET owner = ?, expires_at = ? WHERE name = ?", owner, expires, name);
            return true;
        }
        return false;
    }

    static Optional<String> holder(Connection conn, String name) throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(conn, "SELECT owner FROM lease WHERE name = ?", name);
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
    }

    private static int update(Connection conn, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(conn, sql, args)) {
            return ps.executeUpdate();
        }
    }
}
