package newsalert.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import newsalert.json.StoryJson;
import newsalert.story.Assessment;
import newsalert.story.Story;
import newsalert.story.Topic;
import newsalert.subscription.Target;

/** The story table's SQL (its global alerts included); callers hold the connection's lock and a transaction. */
final class StorySql {
    /** The next {@code story.seq} (V28), as an SQL expression; only under {@link #lockSeq}. */
    static final String NEXT_SEQ = "(SELECT COALESCE(MAX(seq), 0) + 1 FROM story)";
    /** The advisory lock key that orders {@code story.seq} on PostgreSQL ("seq" in ASCII). */
    static final long SEQ_LOCK = 0x736571L;

    /**
     * Takes, on PostgreSQL, the transaction's advisory lock that orders {@code story.seq}: a transaction that gives
     * a seq holds it until it commits, so seqs become visible in order and a reader of {@code seq > n} never
     * skips one committed later. SQLite has one writer at a time already: nothing to do.
     */
    static void lockSeq(Connection conn) throws SQLException {
        if (!isPostgres(conn)) {
            return;
        }
        try (PreparedStatement ps = conn.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            ps.setLong(1, SEQ_LOCK);
            ps.executeQuery().close();
        }
    }

    /**
     * Takes the story lock of a feed decision's transaction ({@code NewsStore#applyDecided}) as its first
     * statement: on PostgreSQL the advisory lock of {@link #lockSeq} (every transaction that gives a seq takes it
     * too); on SQLite the database file's write lock, by a write that changes no row (a deferred transaction would
     * otherwise read first and let another process write before its own first write).
     */
    static void lockStories(Connection conn) throws SQLException {
        if (isPostgres(conn)) {
            lockSeq(conn);
            return;
        }
        try (PreparedStatement ps = conn.prepareStatement("UPDATE story SET seq = seq WHERE 0 = 1")) {
            ps.executeUpdate();
        }
    }

    private static boolean isPostgres(Connection conn) throws SQLException {
        return conn.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
    }

    /** Makes a stored story shared (no longer chat-only) and gives it the next seq, so other instances read it. */
    static void share(Connection conn, String storyId) throws SQLException {
        lockSeq(conn);
        try (PreparedStatement ps = Jdbc.prepare(conn, "UPDATE story SET chat_only = ?, seq = " + NEXT_SEQ
                + " WHERE id = ? AND chat_only = ?", false, storyId, true)) {
            ps.executeUpdate();
        }
    }

    private StorySql() {
    }

    /**
     * Inserts the story with its own assessment ({@code alert} = the assessment's alert flag).
     *
     * @param chatOnly whether it came only from a chat-added feed (see the V8 migration)
     */
    static void insert(Connection conn, String feedUrl, Story story, Assessment a, Instant firstSeen,
                       boolean chatOnly) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "INSERT INTO story (id, feed_url, title, published, first_seen, severity, topics, alert, json,"
                        + " chat_only, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, " + NEXT_SEQ + ")")) {
            lockSeq(conn);
            ps.setString(1, story.id());
            ps.setString(2, feedUrl);
            ps.setString(3, story.title());
            Jdbc.setInstant(ps, 4, story.published());
            ps.setLong(5, firstSeen.toEpochMilli());
            ps.setInt(6, a.severity());
            ps.setString(7, topics(a));
            ps.setBoolean(8, a.alert());
            ps.setString(9, json(story, a));
            ps.setBoolean(10, chatOnly);
            ps.executeUpdate();
        }
    }

    /**
     * Makes the stored story a global alert at {@code at}: sets {@code story.alerted_at} (V12) and queues its
     * send row for the console target ({@link Target#CONSOLE}), which the delivery loop prints (console mode) or
     * logs (chat mode) like any chat's row. Does nothing when the story already alerted (or is unknown), so an
     * alert is queued once per story id.
     *
     * @return whether the story became an alert now
     */
    static boolean insertAlert(Connection conn, String storyId, Instant at) throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(conn, "UPDATE story SET alerted_at = ? WHERE id = ?"
                + " AND alerted_at IS NULL", at.toEpochMilli(), storyId)) {
            if (ps.executeUpdate() == 0) {
                return false;
            }
        }
        int severity;
        try (PreparedStatement ps = Jdbc.prepare(conn, "SELECT severity FROM story WHERE id = ?", storyId);
             ResultSet rs = ps.executeQuery()) {
            severity = rs.next() ? rs.getInt(1) : 0;
        }
        OutboxSql.insert(conn, storyId, severity, List.of(Target.CONSOLE), at);
        return true;
    }

    /**
     * The rule of {@link newsalert.store.NewsStore#reviseStory} for its callers outside the poller (the poller
     * decides revisions itself, {@code pipeline.FeedDecision}, and applies them with {@link #replace}).
     */
    static List<Target> revise(Connection conn, Story story, Assessment a, Instant at) throws SQLException {
        return revise(conn, story, a, at, false);
    }

    /** @param chatOnly true to revise only a chat-only story (a shared one is then left as it is) */
    static List<Target> revise(Connection conn, Story story, Assessment a, Instant at, boolean chatOnly)
            throws SQLException {
        return revise(conn, story, a, at, chatOnly, null);
    }

    /** @param cap the chat-added feed's cap on its edit rows, or {@code null} for none */
    static List<Target> revise(Connection conn, Story story, Assessment a, Instant at, boolean chatOnly,
                               ChatFeedWindows cap) throws SQLException {
        Assessment stored;
        try (PreparedStatement ps = Jdbc.prepare(conn, "SELECT json, chat_only FROM story WHERE id = ?", story.id());
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next() || chatOnly && !rs.getBoolean(2)) {
                return List.of();
            }
            stored = StoryJson.assessmentFrom(StoryJson.parse(rs.getString(1)));
        }
        if (stored.casualties().equals(a.casualties()) && stored.topics().equals(a.topics())) {
            return List.of();
        }
        replace(conn, story, a);
        return OutboxSql.insertEdits(conn, story.id(), a.severity(), at, cap);
    }

    /**
     * Replaces a stored story's title, severity, topics and content; first-seen time and alert flag kept. It gets
     * the next {@code story.seq}, so other instances' event memories read the new counts (issue 14).
     */
    static void replace(Connection conn, Story story, Assessment a) throws SQLException {
        lockSeq(conn);
        try (PreparedStatement ps = Jdbc.prepare(conn, "UPDATE story SET title = ?, severity = ?, topics = ?,"
                + " json = ?, seq = " + NEXT_SEQ + " WHERE id = ?", story.title(), a.severity(), topics(a),
                json(story, a), story.id())) {
            ps.executeUpdate();
        }
    }

    /** @return the stored story's alert-worthy flag, empty when unknown */
    static Optional<Boolean> alertWorthy(Connection conn, String storyId) throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(conn, "SELECT alert FROM story WHERE id = ?", storyId);
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(rs.getBoolean(1)) : Optional.empty();
        }
    }

    /**
     * Replaces a stored story, marks it alert-worthy and makes it a global alert when it was none
     * ({@link #insertAlert}). It gets the next {@code story.seq}, so other instances' event memories read it
     * (issue 14).
     *
     * @return false when the story is unknown (nothing written)
     */
    static boolean alertRevised(Connection conn, Story story, Assessment a, Instant at) throws SQLException {
        lockSeq(conn);
        try (PreparedStatement ps = Jdbc.prepare(conn, "UPDATE story SET title = ?, severity = ?, topics = ?,"
                + " alert = ?, json = ?, seq = " + NEXT_SEQ + " WHERE id = ?", story.title(), a.severity(),
                topics(a), true, json(story, a), story.id())) {
            if (ps.executeUpdate() == 0) {
                return false;
            }
        }
        insertAlert(conn, story.id(), at);
        return true;
    }

    static String topics(Assessment a) {
        return a.topics().stream().map(Topic::wireName).sorted().collect(Collectors.joining(","));
    }

    private static String json(Story story, Assessment a) {
        return StoryJson.toLine(StoryJson.toJson(story, a, true));
    }
}
