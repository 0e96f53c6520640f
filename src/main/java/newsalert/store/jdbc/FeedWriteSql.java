package newsalert.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import newsalert.json.StoryJson;
import newsalert.store.ChatFeedCap;
import newsalert.store.EntryKey;
import newsalert.store.FeedState;
import newsalert.store.FeedWrite;
import newsalert.store.PriorState;

/**
 * The SQL of one feed read: what is stored about its entries ({@link #prior}), and the writes the poller decided
 * ({@link #apply}). Callers hold the connection's lock and a transaction.
 */
final class FeedWriteSql {
    /** Ids per {@code IN (…)} list: well under every SQLite build's limit on parameters. */
    private static final int CHUNK = 400;

    private FeedWriteSql() {
    }

    /** The rule of {@link newsalert.store.NewsStore#priorState}: a few queries, whatever the read's size. */
    static PriorState prior(Connection conn, String feedUrl, List<EntryKey> entries) throws SQLException {
        Map<String, String> seen = new HashMap<>();
        List<String> entryIds = entries.stream().map(EntryKey::entryId).distinct().toList();
        for (List<String> chunk : chunks(entryIds)) {
            try (PreparedStatement ps = Jdbc.prepare(conn, "SELECT entry_id, content_hash FROM seen_entry"
                    + " WHERE feed_url = ? AND entry_id IN (" + marks(chunk.size()) + ")", args(feedUrl, chunk));
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String hash = rs.getString(2);
                    seen.put(rs.getString(1), hash == null ? "" : hash);
                }
            }
        }
        Set<String> storyIds = new LinkedHashSet<>();
        for (EntryKey e : entries) {
            if (!e.contentHash().equals(seen.get(e.entryId()))) {
                storyIds.add(e.storyId());
            }
        }
        if (storyIds.isEmpty()) {
            return new PriorState(seen, Map.of());
        }
        List<List<String>> chunks = chunks(new ArrayList<>(storyIds));
        Set<String> editable = new HashSet<>();
        Map<String, String> standing = new HashMap<>();
        for (List<String> chunk : chunks) {
            String in = " IN (" + marks(chunk.size()) + ")";
            // as OutboxSql.insertEdits picks its targets: an alert sent or still pending (maybe on its way)
            try (PreparedStatement ps = Jdbc.prepare(conn, "SELECT DISTINCT o.story_id FROM outbox o WHERE o.story_id"
                    + in + " AND o.status IN ('sent', 'pending') AND o.kind = 'send'", chunk.toArray());
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    editable.add(rs.getString(1));
                }
            }
            // the first event by update time, as the old per-story scan of all alerted events found it
            try (PreparedStatement ps = Jdbc.prepare(conn, "SELECT story_id, id FROM event WHERE story_id" + in
                    + " ORDER BY updated_at", chunk.toArray());
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    standing.putIfAbsent(rs.getString(1), rs.getString(2));
                }
            }
        }
        Map<String, PriorState.Stored> stories = new HashMap<>();
        for (List<String> chunk : chunks) {
            try (PreparedStatement ps = Jdbc.prepare(conn, "SELECT id, alert, chat_only, json FROM story WHERE id IN ("
                    + marks(chunk.size()) + ")", chunk.toArray());
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    stories.put(id, new PriorState.Stored(rs.getBoolean(2), rs.getBoolean(3),
                            StoryJson.assessmentFrom(StoryJson.parse(rs.getString(4))), editable.contains(id),
                            standing.get(id)));
                }
            }
        }
        return new PriorState(seen, stories);
    }

    /** The rule of {@link newsalert.store.NewsStore#apply}, inside the caller's transaction. */
    static FeedWrite.Applied apply(Connection conn, FeedWrite w) throws SQLException {
        List<Integer> rows = new ArrayList<>(w.effects().size());
        for (FeedWrite.Effect effect : w.effects()) {
            rows.add(apply(conn, w.feedUrl(), effect));
        }
        if (w.state() != null) {
            upsertState(conn, w.state());
        }
        return new FeedWrite.Applied(rows);
    }

    private static int apply(Connection conn, String feedUrl, FeedWrite.Effect effect) throws SQLException {
        if (effect instanceof FeedWrite.SeeEntry e) {
            update(conn, "INSERT INTO seen_entry (feed_url, entry_id, first_seen, content_hash) VALUES (?, ?, ?, ?)",
                    feedUrl, e.entryId(), e.at().toEpochMilli(), e.contentHash());
        } else if (effect instanceof FeedWrite.RehashEntry e) {
            update(conn, "UPDATE seen_entry SET content_hash = ? WHERE feed_url = ? AND entry_id = ?",
                    e.contentHash(), feedUrl, e.entryId());
        } else if (effect instanceof FeedWrite.InsertStory e) {
            StorySql.insert(conn, feedUrl, e.story(), e.assessment(), e.at(), e.chatOnly());
        } else if (effect instanceof FeedWrite.ShareStory e) {
            StorySql.share(conn, e.storyId());
        } else if (effect instanceof FeedWrite.ReviseStory e) {
            StorySql.replace(conn, e.story(), e.assessment());
        } else if (effect instanceof FeedWrite.AlertRevisedStory e) {
            StorySql.alertRevised(conn, e.story(), e.assessment(), e.at());
        } else if (effect instanceof FeedWrite.LinkEvent e) {
            EventSql.link(conn, e.storyId(), e.eventId());
        } else if (effect instanceof FeedWrite.SaveEventView e) {
            EventSql.save(conn, e.view(), e.at());
        } else if (effect instanceof FeedWrite.GlobalAlert e) {
            StorySql.insertAlert(conn, e.storyId(), e.at());
        } else if (effect instanceof FeedWrite.Sends e) {
            OutboxSql.insert(conn, e.storyId(), e.severity(), e.targets(), e.at(), windows(conn, feedUrl, e.cap(), e));
        } else if (effect instanceof FeedWrite.Edits e) {
            return OutboxSql.insertEdits(conn, e.storyId(), e.severity(), e.at(),
                    e.cap() == null ? null : new ChatFeedWindows(conn, feedUrl, e.cap(), e.at())).size();
        } else if (effect instanceof FeedWrite.ReviseEvent e) {
            if (!EventSql.update(conn, e.view(), e.at())) {
                return 0;
            }
            String storyId = e.view().story().id();
            int severity = e.view().assessment().severity();
            int edits = OutboxSql.insertEdits(conn, storyId, severity, e.at()).size();
            if (e.followUp() != null && !e.followUp().isBlank()) {
                OutboxSql.insertReplies(conn, storyId, severity, e.followUp(), e.at());
            }
            return edits;
        } else {
            throw new IllegalArgumentException("unknown effect " + effect);
        }
        return 0;
    }

    private static ChatFeedWindows windows(Connection conn, String feedUrl, ChatFeedCap cap, FeedWrite.Sends e) {
        return cap == null ? null : new ChatFeedWindows(conn, feedUrl, cap, e.at());
    }

    /**
     * Inserts or replaces a feed's state in one statement. {@code failing_since} starts at the first failure of
     * a run (its poll time), is kept through the following ones and cleared by a success. The feed's claim (V21)
     * is released: its state now says when it is due next.
     */
    static void upsertState(Connection conn, FeedState s) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "INSERT INTO feed_state (url, etag, last_modified, first_poll_at, last_poll_at, next_poll_at,"
                        + " failures, last_error, failing_since) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (url) DO UPDATE SET etag = excluded.etag,"
                        + " last_modified = excluded.last_modified, first_poll_at = excluded.first_poll_at,"
                        + " last_poll_at = excluded.last_poll_at, next_poll_at = excluded.next_poll_at,"
                        + " failures = excluded.failures, last_error = excluded.last_error,"
                        + " claim_owner = NULL, claim_until = NULL,"
                        + " failing_since = CASE WHEN excluded.failures = 0 THEN NULL"
                        + " ELSE COALESCE(feed_state.failing_since, excluded.failing_since) END")) {
            ps.setString(1, s.url());
            ps.setString(2, s.etag());
            ps.setString(3, s.lastModified());
            Jdbc.setInstant(ps, 4, s.firstPollAt());
            Jdbc.setInstant(ps, 5, s.lastPollAt());
            Jdbc.setInstant(ps, 6, s.nextPollAt());
            ps.setInt(7, s.failures());
            ps.setString(8, s.lastError());
            Jdbc.setInstant(ps, 9, StatusSql.failingSince(s.failures(), null, s.lastPollAt()));
            ps.executeUpdate();
        }
    }

    private static int update(Connection conn, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(conn, sql, args)) {
            return ps.executeUpdate();
        }
    }

    private static List<List<String>> chunks(List<String> ids) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            out.add(ids.subList(i, Math.min(ids.size(), i + CHUNK)));
        }
        return out;
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    private static Object[] args(String first, List<String> rest) {
        Object[] out = new Object[rest.size() + 1];
        out[0] = first;
        for (int i = 0; i < rest.size(); i++) {
            out[i + 1] = rest.get(i);
        }
        return out;
    }
}
