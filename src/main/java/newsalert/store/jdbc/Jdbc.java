package newsalert.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import newsalert.store.StoreException;

/** Small JDBC helpers shared by the stores of this package: instants as epoch millis, transactions. */
final class Jdbc {
    private Jdbc() {
    }

    /** Work done inside one transaction on the connection it is given (borrowed from the store's pool). */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection conn) throws SQLException;
    }

    /** Work done inside one transaction on a connection the caller holds. */
    @FunctionalInterface
    interface Body<T> {
        T run() throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction on {@code conn}: committed when it returns, rolled back when it
     * throws. The caller has the connection to itself (borrowed from the pool, see {@link Db}).
     *
     * @throws StoreException wrapping any SQL error, with {@code what} as its message
     */
    static <T> T inTransaction(Connection conn, String what, Body<T> work) {
        try {
            conn.setAutoCommit(false);
            T result = work.run();
            conn.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                conn.rollback();
            } catch (SQLException ignored) {
                // the original error is what matters
            }
            throw e instanceof StoreException se ? se : new StoreException(what, e);
        } finally {
            try {
                conn.setAutoCommit(true);
            } catch (SQLException ignored) {
                // the connection is broken; the next call reports it
            }
        }
    }

    static Instant instant(ResultSet rs, int col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    static void setInstant(PreparedStatement ps, int col, Instant t) throws SQLException {
        if (t == null) {
            ps.setNull(col, Types.BIGINT);
        } else {
            ps.setLong(col, t.toEpochMilli());
        }
    }

    /** @return the stored form of a thread id: {@code ""} for none (see V2 migration) */
    static String thread(String threadId) {
        return threadId == null ? "" : threadId;
    }

    /**
     * On SQLite, takes the database file's write lock before a read-then-write transaction reads: a no-op UPDATE
     * of {@code table} (no row has a null {@code column}) makes the transaction a writer at once, waiting out the
     * busy timeout while another process writes. Without it, a transaction that read first could not become a
     * writer after another process's commit and failed at once with {@code SQLITE_BUSY} ("database is locked"),
     * which the busy timeout does not wait out. Nothing on PostgreSQL.
     *
     * @param table  a table the transaction writes
     * @param column one of its NOT NULL columns
     */
    static void sqliteWriteLockFirst(Connection conn, boolean sqlite, String table, String column)
            throws SQLException {
        if (sqlite) {
            try (PreparedStatement ps = conn.prepareStatement("UPDATE " + table + " SET " + column + " = " + column
                    + " WHERE " + column + " IS NULL")) {
                ps.executeUpdate();
            }
        }
    }

    static PreparedStatement prepare(Connection conn, String sql, Object... args) throws SQLException {
        PreparedStatement ps = conn.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
        return ps;
    }
}
