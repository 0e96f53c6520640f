package newsalert.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import newsalert.store.CommandUpdateStore;
import newsalert.store.OutboxKind;
import newsalert.subscription.Target;

/**
 * {@link CommandUpdateStore} on the connection pool of a {@link JdbcNewsStore} (tables {@code command_offset} and
 * {@code command_update}, V23); see {@link JdbcNewsStore#commandUpdates()}. A reply row's {@code story_id} is
 * {@code command:<platform>:<update id>}: it stands for no story.
 */
public final class JdbcCommandUpdateStore implements CommandUpdateStore {
    /** Severity of a reply row: the highest, so that a chat's quiet-below never silences an answer it asked for. */
    static final int REPLY_SEVERITY = 100;
    private final Db db;

    JdbcCommandUpdateStore(Db db) {
        this.db = db;
    }

    @Override
    public long nextUpdateId(String source, Instant now) {
        return db.read("cannot read where " + source + " command polling resumes", conn -> stored(conn, source, now));
    }

    @Override
    public boolean handled(String source, long updateId, Instant now) {
        return db.read("cannot read whether command update " + updateId + " was handled",
                conn -> handled(conn, source, updateId, now));
    }

    @Override
    public boolean queueReplies(String source, long updateId, Target target, List<String> notes,
                                long nextUpdateId, Instant at) {
        return db.write("cannot queue the reply to command update " + updateId, conn -> {
            if (handled(conn, source, updateId, at)) {
                return false;
            }
            try (PreparedStatement ps = Jdbc.prepare(conn, "INSERT INTO command_update (source, update_id,"
                    + " handled_at) VALUES (?, ?, ?)", source, updateId, at.toEpochMilli())) {
                ps.executeUpdate();
            }
            String key = "command:" + source + ":" + updateId;
            for (String note : notes) {
                OutboxSql.insertRow(conn, key, REPLY_SEVERITY, target, OutboxKind.NOTICE, note, null, at);
            }
            raise(conn, source, nextUpdateId, at);
            return true;
        });
    }

    @Override
    public void confirmUpdates(String source, long nextUpdateId, Instant at) {
        db.write("cannot store where " + source + " command polling resumes", conn -> {
            raise(conn, source, nextUpdateId, at);
            return null;
        });
    }

    private static boolean handled(Connection conn, String source, long updateId, Instant now) throws SQLException {
        if (updateId < stored(conn, source, now)) {
            return true;
        }
        try (PreparedStatement ps = Jdbc.prepare(conn, "SELECT 1 FROM command_update WHERE source = ?"
                + " AND update_id = ?", source, updateId);
             ResultSet rs = ps.executeQuery()) {
            return rs.next();
        }
    }

    /** @return the stored offset, or 0 when there is none or it was last raised more than {@link #STALE} ago */
    private static long stored(Connection conn, String source, Instant now) throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(conn, "SELECT next_update_id, updated_at FROM command_offset"
                + " WHERE source = ?", source);
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next() || Instant.ofEpochMilli(rs.getLong(2)).plus(STALE).isBefore(now)) {
                return 0;
            }
            return rs.getLong(1);
        }
    }

    /** Raises the stored offset (a stale one is replaced) and forgets handled ids below it. */
    private static void raise(Connection conn, String source, long next, Instant at) throws SQLException {
        if (next <= stored(conn, source, at)) {
            return;
        }
        String sql = exists(conn, source)
                ? "UPDATE command_offset SET next_update_id = ?, updated_at = ? WHERE source = ?"
                : "INSERT INTO command_offset (next_update_id, updated_at, source) VALUES (?, ?, ?)";
        try (PreparedStatement ps = Jdbc.prepare(conn, sql, next, at.toEpochMilli(), source)) {
            ps.executeUpdate();
        }
        try (PreparedStatement ps = Jdbc.prepare(conn, "DELETE FROM command_update WHERE source = ?"
                + " AND update_id < ?", source, next)) {
            ps.executeUpdate();
        }
    }

    private static boolean exists(Connection conn, String source) throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(conn, "SELECT 1 FROM command_offset WHERE source = ?", source);
             ResultSet rs = ps.executeQuery()) {
            return rs.next();
        }
    }
}
