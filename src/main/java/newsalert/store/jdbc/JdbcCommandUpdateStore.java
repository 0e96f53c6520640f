package newsalert.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import newsalert.store.CommandUpdateStore;
import newsalert.store.OutboxKind;
import newsalert.subscription.Platform;
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
    public long nextUpdateId(Platform platform) {
        return db.read("cannot read where " + platform.wireName() + " command polling resumes",
                conn -> stored(conn, platform));
    }

    @Override
    public boolean handled(Platform platform, long updateId) {
        return db.read("cannot read whether command update " + updateId + " was handled",
                conn -> handled(conn, platform, updateId));
    }

    @Override
    public boolean queueReplies(Platform platform, long updateId, Target target, List<String> notes,
                                long nextUpdateId, Instant at) {
        return db.write("cannot queue the reply to command update " + updateId, conn -> {
            if (handled(conn, platform, updateId)) {
                return false;
            }
            try (PreparedStatement ps = Jdbc.prepare(conn, "INSERT INTO command_update (platform, update_id,"
                    + " handled_at) VALUES (?, ?, ?)", platform.wireName(), updateId, at.toEpochMilli())) {
                ps.executeUpdate();
            }
            for (String note : notes) {
                OutboxSql.insertRow(conn, "command:" + platform.wireName() + ":" + updateId, REPLY_SEVERITY, target,
                        OutboxKind.NOTICE, note, null, at);
            }
            raise(conn, platform, nextUpdateId, at);
            return true;
        });
    }

    @Override
    public void confirmUpdates(Platform platform, long nextUpdateId, Instant at) {
        db.write("cannot store where " + platform.wireName() + " command polling resumes", conn -> {
            raise(conn, platform, nextUpdateId, at);
            return null;
        });
    }

    private static boolean handled(Connection conn, Platform platform, long updateId) throws SQLException {
        if (updateId < stored(conn, platform)) {
            return true;
        }
        try (PreparedStatement ps = Jdbc.prepare(conn, "SELECT 1 FROM command_update WHERE platform = ?"
                + " AND update_id = ?", platform.wireName(), updateId);
             ResultSet rs = ps.executeQuery()) {
            return rs.next();
        }
    }

    private static long stored(Connection conn, Platform platform) throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(conn, "SELECT next_update_id FROM command_offset WHERE platform = ?",
                platform.wireName());
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** Raises the stored offset (never lowers it) and forgets handled ids below it. */
    private static void raise(Connection conn, Platform platform, long next, Instant at) throws SQLException {
        long old = stored(conn, platform);
        if (next <= old) {
            return;
        }
        String sql = old == 0 && !exists(conn, platform)
                ? "INSERT INTO command_offset (next_update_id, updated_at, platform) VALUES (?, ?, ?)"
                : "UPDATE command_offset SET next_update_id = ?, updated_at = ? WHERE platform = ?";
        try (PreparedStatement ps = Jdbc.prepare(conn, sql, next, at.toEpochMilli(), platform.wireName())) {
            ps.executeUpdate();
        }
        try (PreparedStatement ps = Jdbc.prepare(conn, "DELETE FROM command_update WHERE platform = ?"
                + " AND update_id < ?", platform.wireName(), next)) {
            ps.executeUpdate();
        }
    }

    private static boolean exists(Connection conn, Platform platform) throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(conn, "SELECT 1 FROM command_offset WHERE platform = ?",
                platform.wireName());
             ResultSet rs = ps.executeQuery()) {
            return rs.next();
        }
    }
}
