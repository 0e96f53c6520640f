package newsalert.store.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import newsalert.json.StoryJson;
import newsalert.store.OutboxItem;
import newsalert.store.OutboxKind;
import newsalert.store.OutboxStatus;
import newsalert.subscription.Platform;
import newsalert.subscription.Target;

/** The outbox table's SQL; callers hold the connection's lock and, for writes, a transaction. */
final class OutboxSql {
    /** Rows render the event view when their story stands for an alerted event, else the story as stored. */
    private static final String SELECT = "SELECT o.id, o.platform, o.chat_id, o.thread_id,"
            + " COALESCE(e.json, s.json), o.severity,"
            + " o.status, o.attempts, o.next_attempt_at, o.last_error, o.message_id, o.created_at, o.sent_at, o.kind,"
            + " o.note"
            + " FROM outbox o JOIN story s ON s.id = o.story_id LEFT JOIN event e ON e.story_id = o.story_id";

    private OutboxSql() {
    }

    /** Inserts one pending row per distinct target that has none yet for the story. */
    static void insert(Connection conn, String storyId, int severity, List<Target> targets, Instant at)
            throws SQLException {
        long id = -1;
        for (Target t : new LinkedHashSet<>(targets)) {
            try (PreparedStatement ex = Jdbc.prepare(conn, "SELECT 1 FROM outbox WHERE story_id = ? AND platform = ?"
                    + " AND chat_id = ? AND thread_id = ? AND kind = 'send'", storyId, t.platform().wireName(), t.chatId(),
                    Jdbc.thread(t.threadId()));
                 ResultSet rs = ex.executeQuery()) {
                if (rs.next()) {
                    continue;
                }
            }
            id = id < 0 ? Jdbc.nextId(conn, "outbox") : id + 1;
            try (PreparedStatement ps = Jdbc.prepare(conn, "INSERT INTO outbox (id, story_id, platform, chat_id,"
                            + " thread_id, severity, status, attempts, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)",
                    id, storyId, t.platform().wireName(), t.chatId(), Jdbc.thread(t.threadId()), severity,
                    OutboxStatus.PENDING.wireName(), at.toEpochMilli())) {
                ps.executeUpdate();
            }
        }
    }

    /**
     * Inserts one pending edit row for each target whose alert for the story was sent and that has no
     * pending edit for it yet (a pending edit renders the story as stored when it goes, so one is enough).
     *
     * @return the targets that got a row
     */
    static List<Target> insertEdits(Connection conn, String storyId, int severity, Instant at) throws SQLException {
        List<Target> sent = targets(conn, "SELECT DISTINCT platform, chat_id, thread_id FROM outbox o"
                + " WHERE story_id = ? AND status = 'sent' AND kind = 'send' AND NOT EXISTS (SELECT 1 FROM outbox e"
                + " WHERE e.story_id = o.story_id AND e.platform = o.platform AND e.chat_id = o.chat_id"
                + " AND e.thread_id = o.thread_id AND e.kind = 'edit' AND e.status = 'pending')", storyId);
        insertPending(conn, storyId, severity, sent, OutboxKind.EDIT, null, at);
        return sent;
    }

    /**
     * Inserts one pending reply row with {@code note} for each target that has a pending edit row for the
     * story (queued by the same revision, so the reply follows the edit).
     *
     * @return the targets that got a row
     */
    static List<Target> insertReplies(Connection conn, String storyId, int severity, String note, Instant at)
            throws SQLException {
        List<Target> targets = targets(conn, "SELECT DISTINCT platform, chat_id, thread_id FROM outbox"
                + " WHERE story_id = ? AND status = 'pending' AND kind = 'edit'", storyId);
        insertPending(conn, storyId, severity, targets, OutboxKind.REPLY, note, at);
        return targets;
    }

    /** @return the targets the query (selecting platform, chat_id, thread_id for one story id) gives */
    private static List<Target> targets(Connection conn, String sql, String storyId) throws SQLException {
        List<Target> out = new ArrayList<>();
        try (PreparedStatement ps = Jdbc.prepare(conn, sql, storyId);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(target(rs, 1));
            }
        }
        return out;
    }

    /** Inserts one pending row of {@code kind} (with {@code note}, may be null) per target, ids in order. */
    private static void insertPending(Connection conn, String storyId, int severity, List<Target> targets,
                                      OutboxKind kind, String note, Instant at) throws SQLException {
        long id = -1;
        for (Target t : targets) {
            id = id < 0 ? Jdbc.nextId(conn, "outbox") : id + 1;
            Object[] args = {id, storyId, t.platform().wireName(), t.chatId(), Jdbc.thread(t.threadId()), severity,
                OutboxStatus.PENDING.wireName(), at.toEpochMilli(), kind.wireName(), note};
            // without a note the column is left out (NULL by default): no untyped NULL parameter
            try (PreparedStatement ps = note == null
                    ? Jdbc.prepare(conn, INSERT_KIND + ") VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
                            Arrays.copyOf(args, args.length - 1))
                    : Jdbc.prepare(conn, INSERT_KIND + ", note) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)", args)) {
                ps.executeUpdate();
            }
        }
    }

    private static final String INSERT_KIND = "INSERT INTO outbox (id, story_id, platform, chat_id, thread_id,"
            + " severity, status, attempts, created_at, kind";

    static List<OutboxItem> pending(Connection conn, Target t, int limit) throws SQLException {
        if (t == null) {
            return read(conn, SELECT + " WHERE o.status = 'pending' ORDER BY o.id LIMIT ?", limit);
        }
        return read(conn, SELECT + " WHERE o.platform = ? AND o.chat_id = ? AND o.thread_id = ?"
                        + " AND o.status = 'pending' ORDER BY o.id LIMIT ?",
                t.platform().wireName(), t.chatId(), Jdbc.thread(t.threadId()), limit);
    }

    static List<Target> pendingTargets(Connection conn) throws SQLException {
        List<Target> out = new ArrayList<>();
        try (PreparedStatement ps = Jdbc.prepare(conn, "SELECT platform, chat_id, thread_id, MIN(id) AS first_id"
                + " FROM outbox WHERE status = 'pending' GROUP BY platform, chat_id, thread_id ORDER BY first_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(target(rs, 1));
            }
        }
        return out;
    }

    private static List<OutboxItem> read(Connection conn, String sql, Object... args) throws SQLException {
        List<OutboxItem> out = new ArrayList<>();
        try (PreparedStatement ps = Jdbc.prepare(conn, sql, args); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                JsonNode node = StoryJson.parse(rs.getString(5));
                out.add(new OutboxItem(rs.getLong(1), target(rs, 2), StoryJson.storyFrom(node),
                        StoryJson.assessmentFrom(node), rs.getInt(6), OutboxStatus.fromWireName(rs.getString(7)),
                        rs.getInt(8), Jdbc.instant(rs, 9), rs.getString(10), rs.getString(11),
                        Jdbc.instant(rs, 12), Jdbc.instant(rs, 13),
                        OutboxKind.fromWireName(rs.getString(14)), rs.getString(15)));
            }
        }
        return out;
    }

    /** Reads platform, chat id and thread id from three consecutive columns starting at {@code col}. */
    static Target target(ResultSet rs, int col) throws SQLException {
        return new Target(Platform.fromWireName(rs.getString(col)), rs.getString(col + 1), rs.getString(col + 2));
    }
}
