package newsalert.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import newsalert.store.InteractionReplyStore;
import newsalert.store.OutboxKind;
import newsalert.subscription.Platform;
import newsalert.subscription.Target;

/**
 * {@link InteractionReplyStore} on the connection pool of a {@link JdbcNewsStore} (table {@code interaction_reply},
 * V30); see {@link JdbcNewsStore#interactionReplies()}. A part posted to the channel becomes an outbox notice of
 * severity {@link JdbcCommandUpdateStore#REPLY_SEVERITY} (a chat's quiet-below never silences an answer it asked for)
 * keyed {@code slash-reply:<interaction id>:<part>}; the delete of its row gates the insert, so that two movers at once
 * (SQLite: one writer at a time; PostgreSQL: the second delete waits for the first's commit and then finds no row)
 * queue it once.
 */
public final class JdbcInteractionReplyStore implements InteractionReplyStore {
    private static final String SELECT = "SELECT interaction_id, part, platform, chat_id, thread_id, caller, command,"
            + " asked_at, body, with_file FROM interaction_reply";
    private final Db db;

    JdbcInteractionReplyStore(Db db) {
        this.db = db;
    }

    @Override
    public void keep(Kept reply, String owner) {
        Target t = reply.target();
        db.write("cannot keep the answer to /" + reply.command(), conn -> {
            // an answer replaces what was kept for its interaction before (the "cut off" note kept at acknowledgement)
            try (PreparedStatement ps = Jdbc.prepare(conn, "DELETE FROM interaction_reply WHERE interaction_id = ?",
                    reply.interactionId())) {
                ps.executeUpdate();
            }
            for (Part p : reply.parts()) {
                try (PreparedStatement ps = Jdbc.prepare(conn, "INSERT INTO interaction_reply (interaction_id, part,"
                        + " platform, chat_id, thread_id, caller, command, owner, asked_at, body, with_file) VALUES"
                        + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", reply.interactionId(), p.index(),
                        t.platform().wireName(), t.chatId(), Jdbc.thread(t.threadId()), cut(reply.caller(), 128),
                        cut(reply.command(), 64), cut(owner, 256), reply.askedAt().toEpochMilli(), p.text(),
                        p.file() ? 1 : 0)) {
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    @Override
    public boolean accepted(String interactionId, int part) {
        return db.write("cannot forget an accepted answer", conn -> delete(conn, interactionId, part));
    }

    @Override
    public int moveToChannel(String interactionId, Instant at, Notes notes) {
        return db.write("cannot queue an answer for its channel", conn -> {
            Jdbc.sqliteWriteLockFirst(conn, db.sqlite(), "interaction_reply", "interaction_id");
            return move(conn, read(conn, " WHERE interaction_id = ?", interactionId), at, notes);
        });
    }

    @Override
    public int queueToChannel(Kept reply, Instant at, Notes notes) {
        return db.write("cannot queue an answer for its channel", conn -> {
            boolean first = true;
            for (Part p : reply.parts()) {
                insert(conn, reply, p, notes.note(reply, p, first), at);
                first = false;
            }
            return reply.parts().size();
        });
    }

    @Override
    public int sweep(Instant staleBy, Instant orphanedBy, Instant now, Notes notes) {
        return db.write("cannot queue cut-off answers for their channels", conn -> {
            Jdbc.sqliteWriteLockFirst(conn, db.sqlite(), "interaction_reply", "interaction_id");
            List<Kept> cut = read(conn, " r WHERE r.asked_at <= ? OR (r.asked_at <= ? AND NOT EXISTS (SELECT 1 FROM"
                    + " lease l WHERE l.owner = r.owner AND l.expires_at > ?))", staleBy.toEpochMilli(),
                    orphanedBy.toEpochMilli(), now.toEpochMilli());
            return move(conn, cut, now, notes);
        });
    }

    @Override
    public List<Kept> kept() {
        return db.read("cannot read the kept answers", conn -> {
            List<Kept> out = new ArrayList<>(read(conn, ""));
            out.sort(java.util.Comparator.comparing(Kept::askedAt));
            return out;
        });
    }

    /** Deletes each part and queues the ones that were still there; in interaction and part order (no deadlock). */
    private static int move(Connection conn, List<Kept> replies, Instant at, Notes notes) throws SQLException {
        int queued = 0;
        for (Kept r : replies) {
            boolean first = true;
            for (Part p : r.parts()) {
                if (delete(conn, r.interactionId(), p.index())) {
                    insert(conn, r, p, notes.note(r, p, first), at);
                    first = false;
                    queued++;
                }
            }
        }
        return queued;
    }

    private static void insert(Connection conn, Kept r, Part p, String note, Instant at) throws SQLException {
        OutboxSql.insertRow(conn, "slash-reply:" + r.interactionId() + ":" + p.index(),
                JdbcCommandUpdateStore.REPLY_SEVERITY, r.target(), OutboxKind.NOTICE, note, null, at);
    }

    private static boolean delete(Connection conn, String interactionId, int part) throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(conn, "DELETE FROM interaction_reply WHERE interaction_id = ?"
                + " AND part = ?", interactionId, part)) {
            return ps.executeUpdate() > 0;
        }
    }

    /** @return the kept answers matching {@code where}, by interaction id, their parts in order */
    private static List<Kept> read(Connection conn, String where, Object... args) throws SQLException {
        record Head(Target target, String caller, String command, Instant asked) {
        }
        Map<String, Head> heads = new LinkedHashMap<>();
        Map<String, List<Part>> parts = new LinkedHashMap<>();
        try (PreparedStatement ps = Jdbc.prepare(conn, SELECT + where + " ORDER BY interaction_id, part", args);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String id = rs.getString(1);
                if (!heads.containsKey(id)) {
                    String thread = rs.getString(5);
                    heads.put(id, new Head(new Target(Platform.fromWireName(rs.getString(3)), rs.getString(4),
                            thread == null || thread.isEmpty() ? null : thread), rs.getString(6), rs.getString(7),
                            Instant.ofEpochMilli(rs.getLong(8))));
                }
                parts.computeIfAbsent(id, k -> new ArrayList<>()).add(new Part(rs.getInt(2), rs.getString(9),
                        rs.getInt(10) != 0));
            }
        }
        List<Kept> out = new ArrayList<>();
        heads.forEach((id, h) -> out.add(new Kept(id, h.target(), h.caller(), h.command(), h.asked(), parts.get(id))));
        return out;
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
