package newsalert.store.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
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
    /**
     * Rows render the event view when their story stands for an alerted event, else the story as stored. A
     * feed-health notice stands for no story (its {@code story_id} is a key such as {@code feed-health:<url>}), so
     * the story is LEFT JOINed: such a row reads with no story and no assessment. (A LEFT JOIN rather than a pseudo
     * story per feed: a story row would show in {@code latest}, {@code search} and the event memory.)
     */
    private static final String SELECT = "SELECT o.id, o.platform, o.chat_id, o.thread_id,"
            + " COALESCE(e.json, s.json), o.severity,"
            + " o.status, o.attempts, o.next_attempt_at, o.last_error, o.message_id, o.created_at, o.sent_at, o.kind,"
            + " o.note, o.digest_id, s.revision, o.revision"
            + " FROM outbox o LEFT JOIN story s ON s.id = o.story_id LEFT JOIN event e ON e.story_id = o.story_id";

    private OutboxSql() {
    }

    /** Inserts one pending row per distinct target that has none yet for the story. */
    static void insert(Connection conn, String storyId, int severity, List<Target> targets, Instant at)
            throws SQLException {
        insert(conn, storyId, severity, targets, at, null);
    }

    /**
     * Like {@link #insert(Connection, String, int, List, Instant)}, and each row first passes {@code cap}: a
     * row the cap holds gets its {@code held_until}.
     *
     * @param cap the chat-added feed's cap, or {@code null} for none
     */
    static void insert(Connection conn, String storyId, int severity, List<Target> targets, Instant at,
                       ChatFeedWindows cap) throws SQLException {
        for (Target t : new LinkedHashSet<>(targets)) {
            try (PreparedStatement ex = Jdbc.prepare(conn, "SELECT 1 FROM outbox WHERE story_id = ? AND platform = ?"
                    + " AND chat_id = ? AND thread_id = ? AND kind = 'send'", storyId, t.platform().wireName(), t.chatId(),
                    Jdbc.thread(t.threadId()));
                 ResultSet rs = ex.executeQuery()) {
                if (rs.next()) {
                    continue;
                }
            }
            Instant held = cap == null ? null : cap.admit(t, storyId, severity);
            insertRow(conn, storyId, severity, t, OutboxKind.SEND, null, held, at);
        }
    }

    /**
     * Counts a revision of the story ({@code story.revision}) and inserts one pending edit row for it, queued for
     * that revision, for each target whose alert for the story was sent or is still pending (possibly on its way).
     * The delivery worker skips an edit whose revision the target's message already shows (a send or an earlier
     * edit that read the story after this revision committed).
     *
     * @return the targets that got a row
     */
    static List<Target> insertEdits(Connection conn, String storyId, int severity, Instant at) throws SQLException {
        return insertEdits(conn, storyId, severity, at, null);
    }

    /**
     * Like {@link #insertEdits(Connection, String, int, Instant)}, and each edit row first passes {@code cap}
     * (a toll update counts against a chat-added feed's cap like a new alert).
     *
     * @param cap the chat-added feed's cap, or {@code null} for none
     */
    static List<Target> insertEdits(Connection conn, String storyId, int severity, Instant at, ChatFeedWindows cap)
            throws SQLException {
        long revision = nextRevision(conn, storyId);
        // the alert's send may still be on its way (or wait for its answer) when the toll changes: its target gets
        // the edit too, queued behind the send; the worker skips an edit or reply whose revision the message
        // already shows (tester19d). A pending edit row does not stand for this revision: it may have been read
        // before the revision committed, so each revision queues its own.
        List<Target> sent = targets(conn, "SELECT DISTINCT platform, chat_id, thread_id FROM outbox o"
                + " WHERE story_id = ? AND kind = 'send' AND status IN ('sent', 'pending')", storyId);
        for (Target t : sent) {
            insertRow(conn, storyId, severity, t, OutboxKind.EDIT, null, cap == null ? null : cap.admit(t, storyId,
                    severity), at, revision);
        }
        return sent;
    }

    /**
     * Counts one more revision of the story ({@code story.revision}) on the caller's transaction.
     *
     * @return the new revision, 1 for the first; 0 when no such story is stored (a notice's key)
     */
    private static long nextRevision(Connection conn, String storyId) throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(conn, "UPDATE story SET revision = revision + 1 WHERE id = ?",
                storyId)) {
            if (ps.executeUpdate() == 0) {
                return 0;
            }
        }
        try (PreparedStatement ps = Jdbc.prepare(conn, "SELECT revision FROM story WHERE id = ?", storyId);
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /**
     * Inserts one pending reply row with {@code note}, queued for the story's current revision, for each target
     * that has a pending edit row for the story (queued by the same revision, so the reply follows the edit). The
     * worker skips the reply at a target whose alert already showed that revision when it was sent.
     *
     * @return the targets that got a row
     */
    static List<Target> insertReplies(Connection conn, String storyId, int severity, String note, Instant at)
            throws SQLException {
        long revision = 0;
        try (PreparedStatement ps = Jdbc.prepare(conn, "SELECT revision FROM story WHERE id = ?", storyId);
             ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                revision = rs.getLong(1);
            }
        }
        List<Target> targets = targets(conn, "SELECT DISTINCT platform, chat_id, thread_id FROM outbox"
                + " WHERE story_id = ? AND status = 'pending' AND kind = 'edit'", storyId);
        for (Target t : targets) {
            insertRow(conn, storyId, severity, t, OutboxKind.REPLY, note, null, at, revision);
        }
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

    /**
     * Inserts one pending row; the database gives its id (the next after the largest).
     *
     * @param note      the row's text, or {@code null}
     * @param heldUntil when a held row's hour ends, or {@code null} for a row that goes as usual
     */
    static void insertRow(Connection conn, String storyId, int severity, Target t, OutboxKind kind, String note,
                          Instant heldUntil, Instant at) throws SQLException {
        insertRow(conn, storyId, severity, t, kind, note, heldUntil, at, 0);
    }

    /** @param revision the story revision an edit or reply row is queued for; 0 for none */
    static void insertRow(Connection conn, String storyId, int severity, Target t, OutboxKind kind, String note,
                          Instant heldUntil, Instant at, long revision) throws SQLException {
        StringBuilder cols = new StringBuilder("story_id, platform, chat_id, thread_id, severity, status, attempts,"
                + " created_at, kind");
        List<Object> args = new ArrayList<>(List.of(storyId, t.platform().wireName(),
                t.chatId(), Jdbc.thread(t.threadId()), severity, OutboxStatus.PENDING.wireName(), 0, at.toEpochMilli(),
                kind.wireName()));
        // a NULL column is left out (NULL by default): no untyped NULL parameter
        if (note != null) {
            cols.append(", note");
            args.add(note);
        }
        if (heldUntil != null) {
            cols.append(", held_until");
            args.add(heldUntil.toEpochMilli());
        }
        if (revision > 0) {
            cols.append(", revision");
            args.add(revision);
        }
        String marks = String.join(", ", java.util.Collections.nCopies(args.size(), "?"));
        try (PreparedStatement ps = Jdbc.prepare(conn, "INSERT INTO outbox (" + cols + ") VALUES (" + marks + ")",
                args.toArray())) {
            ps.executeUpdate();
        }
    }

    static List<OutboxItem> pending(Connection conn, Target t, int limit) throws SQLException {
        if (t == null) {
            return read(conn, SELECT + " WHERE o.status = 'pending' AND o.held_until IS NULL ORDER BY o.id LIMIT ?",
                    limit);
        }
        return read(conn, SELECT + " WHERE o.platform = ? AND o.chat_id = ? AND o.thread_id = ?"
                        + " AND o.status = 'pending' AND o.held_until IS NULL ORDER BY o.id LIMIT ?",
                t.platform().wireName(), t.chatId(), Jdbc.thread(t.threadId()), limit);
    }

    /**
     * @return the target's held rows whose hour ended at or before {@code now}: rows already in a digest first
     *         (a row released later may have a lower id than a fixed digest's rows), then in id order
     */
    static List<OutboxItem> released(Connection conn, Target t, Instant now, int limit) throws SQLException {
        return read(conn, SELECT + " WHERE o.platform = ? AND o.chat_id = ? AND o.thread_id = ?"
                        + " AND o.status = 'pending' AND o.held_until IS NOT NULL AND o.held_until <= ?"
                        + " ORDER BY CASE WHEN o.digest_id IS NULL THEN 1 ELSE 0 END, o.id LIMIT ?",
                t.platform().wireName(), t.chatId(), Jdbc.thread(t.threadId()), now.toEpochMilli(), limit);
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
                String json = rs.getString(5);
                JsonNode node = json == null ? null : StoryJson.parse(json);
                out.add(new OutboxItem(rs.getLong(1), target(rs, 2), node == null ? null : StoryJson.storyFrom(node),
                        node == null ? null : StoryJson.assessmentFrom(node), rs.getInt(6), OutboxStatus.fromWireName(rs.getString(7)),
                        rs.getInt(8), Jdbc.instant(rs, 9), rs.getString(10), rs.getString(11),
                        Jdbc.instant(rs, 12), Jdbc.instant(rs, 13),
                        OutboxKind.fromWireName(rs.getString(14)), rs.getString(15), digestId(rs, 16),
                        rs.getLong(17), rs.getLong(18)));
            }
        }
        return out;
    }

    private static Long digestId(ResultSet rs, int col) throws SQLException {
        long id = rs.getLong(col);
        return rs.wasNull() ? null : id;
    }

    /**
     * Settles a sent digest's member rows that are still pending as dropped with {@code reason}, one statement per
     * row in id order (PostgreSQL locks the rows of one table in key order), on the caller's transaction.
     *
     * @return how many rows were settled
     */
    static int settleDigest(Connection conn, List<Long> members, String reason) throws SQLException {
        int settled = 0;
        try (PreparedStatement ps = conn.prepareStatement(
                "UPDATE outbox SET status = 'dropped', last_error = ? WHERE id = ? AND status = 'pending'")) {
            for (long id : new java.util.TreeSet<>(members)) {
                ps.setString(1, reason);
                ps.setLong(2, id);
                settled += ps.executeUpdate();
            }
        }
        return settled;
    }

    /**
     * Writes the digest's id on its member rows (pending ones only).
     *
     * @return the number of rows fixed
     */
    static int fixDigest(Connection conn, long digestId, List<Long> members) throws SQLException {
        int fixed = 0;
        try (PreparedStatement ps = conn.prepareStatement(
                "UPDATE outbox SET digest_id = ? WHERE id = ? AND status = 'pending' AND digest_id IS NULL")) {
            for (long id : members) {
                ps.setLong(1, digestId);
                ps.setLong(2, id);
                fixed += ps.executeUpdate();
            }
        }
        return fixed;
    }

    /**
     * Stores the digest's rendered message on its first row, when that row is in the digest.
     *
     * @return whether it was stored
     */
    static boolean storeDigestMessage(Connection conn, long digestId, String message) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "UPDATE outbox SET digest_message = ? WHERE id = ? AND digest_id = ? AND digest_message IS NULL")) {
            ps.setString(1, message);
            ps.setLong(2, digestId);
            ps.setLong(3, digestId);
            return ps.executeUpdate() == 1;
        }
    }

    /** @return the message stored with the digest, if any */
    static java.util.Optional<String> digestMessage(Connection conn, long digestId) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT digest_message FROM outbox WHERE id = ? AND digest_id = ?")) {
            ps.setLong(1, digestId);
            ps.setLong(2, digestId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? java.util.Optional.ofNullable(rs.getString(1)) : java.util.Optional.empty();
            }
        }
    }

    /** Reads platform, chat id and thread id from three consecutive columns starting at {@code col}. */
    static Target target(ResultSet rs, int col) throws SQLException {
        return new Target(Platform.fromWireName(rs.getString(col)), rs.getString(col + 1), rs.getString(col + 2));
    }
}
