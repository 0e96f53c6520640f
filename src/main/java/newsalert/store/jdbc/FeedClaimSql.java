package newsalert.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import newsalert.store.FeedClaims;
import newsalert.store.FeedState;

/**
 * The SQL of feed claims (issue 14 item 3, V21 columns {@code feed_state.claim_owner}, {@code claim_until}): see
 * {@link newsalert.store.NewsStore#claimFeeds}. One read finds the batch's states; when some feed looks claimable,
 * one writing transaction locks the rows that still are (due, and unclaimed or lapsed; PostgreSQL skips rows
 * another transaction holds, {@code FOR UPDATE SKIP LOCKED}), marks them claimed, and inserts a claimed row for a
 * feed that has none yet ({@code ON CONFLICT DO NOTHING}: of two instances inserting one feed, one gets it). URLs
 * are handled in sorted order, so two claimers never wait on each other in a cycle. A row that is only a claim
 * (never polled: {@code claim_owner} set, {@code last_poll_at} NULL) is no feed state to the rest of the store:
 * {@code feedState} and the status leave it out.
 */
final class FeedClaimSql {
    /** Feeds per statement: well under every SQLite build's limit on parameters. */
    private static final int CHUNK = 400;
    private static final String COLUMNS = "url, etag, last_modified, first_poll_at, last_poll_at, next_poll_at,"
            + " failures, last_error, claim_owner, claim_until";

    private FeedClaimSql() {
    }

    /** A stored row: the state, and the claim on it ({@code owner} null when none). */
    private record Row(FeedState state, String owner, Instant until) {
    }

    static FeedClaims claim(Db db, List<String> urls, String owner, Instant now, Duration ttl, boolean dueOrNot) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("claim ttl must be positive, got " + ttl);
        }
        List<String> sorted = List.copyOf(new TreeSet<>(urls));
        if (sorted.isEmpty()) {
            return new FeedClaims(Map.of(), Map.of(), Map.of());
        }
        Map<String, Row> stored = db.read("cannot read the state of " + sorted.size() + " feeds",
                conn -> rows(conn, sorted, ""));
        List<String> candidates = new ArrayList<>();
        Map<String, FeedState> unclaimed = new HashMap<>();
        Map<String, Instant> held = new HashMap<>();
        for (String url : sorted) {
            Row row = stored.get(url);
            if (row == null || claimable(row, now, dueOrNot)) {
                candidates.add(url);
            } else {
                unclaimed.put(url, row.state());
                if (due(row.state(), now, dueOrNot) && row.until() != null) {
                    held.put(url, row.until());
                }
            }
        }
        Map<String, FeedState> claimed = candidates.isEmpty() ? Map.of()
                : db.write("cannot claim " + candidates.size() + " feeds", conn -> {
                    Map<String, FeedState> got = new HashMap<>();
                    lockAndMark(conn, db.sqlite(), candidates, stored, owner, now, now.plus(ttl), dueOrNot, got);
                    return got;
                });
        // a candidate this instance did not get: another took it, or polled it, in between; read it again
        List<String> missed = candidates.stream().filter(u -> !claimed.containsKey(u)).toList();
        if (!missed.isEmpty()) {
            Map<String, Row> now2 = db.read("cannot read the state of " + missed.size() + " feeds",
                    conn -> rows(conn, missed, ""));
            for (String url : missed) {
                Row row = now2.get(url);
                unclaimed.put(url, row == null ? FeedState.fresh(url) : row.state());
                if (row != null && row.owner() != null && row.until() != null && row.until().isAfter(now)
                        && due(row.state(), now, dueOrNot)) {
                    held.put(url, row.until());
                }
            }
        }
        return new FeedClaims(claimed, unclaimed, held);
    }

    private static void lockAndMark(Connection conn, boolean sqlite, List<String> candidates, Map<String, Row> stored,
                                    String owner, Instant now, Instant until, boolean dueOrNot,
                                    Map<String, FeedState> got) throws SQLException {
        if (sqlite) {
            // take the file's write lock first (waiting out the busy timeout for another process's writer), so the
            // reads below cannot be overtaken by another process's commit before this transaction writes
            try (PreparedStatement ps = conn.prepareStatement(
                    "UPDATE feed_state SET claim_until = claim_until WHERE url IS NULL")) {
                ps.executeUpdate();
            }
        }
        List<String> existing = candidates.stream().filter(stored::containsKey).toList();
        for (List<String> chunk : chunks(existing)) {
            String where = " AND (claim_until IS NULL OR claim_until <= " + now.toEpochMilli() + ")"
                    + (dueOrNot ? "" : " AND (next_poll_at IS NULL OR next_poll_at <= " + now.toEpochMilli() + ")");
            Map<String, Row> locked = rows(conn, chunk, where + " ORDER BY url"
                    + (sqlite ? "" : " FOR UPDATE SKIP LOCKED"));
            if (locked.isEmpty()) {
                continue;
            }
            List<String> keys = new ArrayList<>(locked.keySet());
            Object[] args = new Object[keys.size() + 2];
            args[0] = owner;
            args[1] = until.toEpochMilli();
            for (int i = 0; i < keys.size(); i++) {
                args[i + 2] = keys.get(i);
            }
            try (PreparedStatement ps = Jdbc.prepare(conn, "UPDATE feed_state SET claim_owner = ?, claim_until = ?"
                    + " WHERE url IN (" + marks(keys.size()) + ")", args)) {
                ps.executeUpdate();
            }
            locked.forEach((url, row) -> got.put(url, row.state()));
        }
        // never polled: the row is made claimed; of two instances inserting it, the second inserts nothing
        for (String url : candidates) {
            if (stored.containsKey(url)) {
                continue;
            }
            try (PreparedStatement ps = Jdbc.prepare(conn, "INSERT INTO feed_state (url, failures, claim_owner,"
                    + " claim_until) VALUES (?, 0, ?, ?) ON CONFLICT (url) DO NOTHING", url, owner,
                    until.toEpochMilli())) {
                if (ps.executeUpdate() == 1) {
                    got.put(url, FeedState.fresh(url));
                }
            }
        }
    }

    static int renew(Db db, String owner, Instant now, Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("claim ttl must be positive, got " + ttl);
        }
        return db.write("cannot renew this instance's feed claims", conn -> {
            // PostgreSQL: one statement whose subquery locks the rows in url order, the order every other writer of
            // feed_state takes them in. An UPDATE by owner alone locks them in table order, and deadlocked with the
            // same instance's batch of saved states (the batch was refused, and its feeds read again within seconds)
            String sql = db.sqlite()
                    ? "UPDATE feed_state SET claim_until = ? WHERE claim_owner = ? AND claim_until > ?"
                    : "UPDATE feed_state SET claim_until = ? WHERE url IN (SELECT url FROM feed_state"
                            + " WHERE claim_owner = ? AND claim_until > ? ORDER BY url FOR UPDATE)";
            try (PreparedStatement ps = Jdbc.prepare(conn, sql, now.plus(ttl).toEpochMilli(), owner,
                    now.toEpochMilli())) {
                return ps.executeUpdate();
            }
        });
    }

    static void release(Db db, Collection<String> urls, String owner) {
        List<String> sorted = List.copyOf(new TreeSet<>(urls));
        if (sorted.isEmpty()) {
            return;
        }
        db.write("cannot release the claims of " + sorted.size() + " feeds", conn -> {
            for (List<String> chunk : chunks(sorted)) {
                lockInOrder(conn, db.sqlite(), chunk);
                Object[] args = new Object[chunk.size() + 1];
                args[0] = owner;
                for (int i = 0; i < chunk.size(); i++) {
                    args[i + 1] = chunk.get(i);
                }
                try (PreparedStatement ps = Jdbc.prepare(conn, "UPDATE feed_state SET claim_owner = NULL,"
                        + " claim_until = NULL WHERE claim_owner = ? AND url IN (" + marks(chunk.size()) + ")", args)) {
                    ps.executeUpdate();
                }
                // a feed claimed before its first poll leaves no row behind
                try (PreparedStatement ps = Jdbc.prepare(conn, "DELETE FROM feed_state WHERE claim_owner IS NULL"
                        + " AND last_poll_at IS NULL AND first_poll_at IS NULL AND etag IS NULL AND failures = 0"
                        + " AND url IN (" + marks(chunk.size()) + ")", chunk.toArray())) {
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    /**
     * On PostgreSQL, locks the rows of {@code sortedUrls} in url order (the order claims, renewals, releases and
     * saved states all take them), so two writers of feed_state never wait on each other in a cycle. SQLite has one
     * writer at a time and needs nothing.
     */
    static void lockInOrder(Connection conn, boolean sqlite, List<String> sortedUrls) throws SQLException {
        if (sqlite || sortedUrls.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = Jdbc.prepare(conn, "SELECT url FROM feed_state WHERE url IN ("
                + marks(sortedUrls.size()) + ") ORDER BY url FOR UPDATE", sortedUrls.toArray());
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rs.getString(1);
            }
        }
    }

    private static boolean due(FeedState s, Instant now, boolean dueOrNot) {
        return dueOrNot || s.nextPollAt() == null || !s.nextPollAt().isAfter(now);
    }

    private static boolean claimable(Row row, Instant now, boolean dueOrNot) {
        return due(row.state(), now, dueOrNot) && (row.until() == null || !row.until().isAfter(now));
    }

    /** @return url → state of those feeds that were polled (claim-only rows are no feed state), 400 per query */
    static Map<String, FeedState> polledStates(Connection conn, List<String> urls) throws SQLException {
        Map<String, FeedState> out = new HashMap<>();
        rows(conn, urls, " AND (claim_owner IS NULL OR last_poll_at IS NOT NULL)")
                .forEach((url, row) -> out.put(url, row.state()));
        return out;
    }

    private static Map<String, Row> rows(Connection conn, List<String> urls, String tail) throws SQLException {
        Map<String, Row> out = new HashMap<>();
        for (List<String> chunk : chunks(urls)) {
            try (PreparedStatement ps = Jdbc.prepare(conn, "SELECT " + COLUMNS + " FROM feed_state WHERE url IN ("
                    + marks(chunk.size()) + ")" + tail, chunk.toArray());
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String url = rs.getString(1);
                    out.put(url, new Row(new FeedState(url, rs.getString(2), rs.getString(3), Jdbc.instant(rs, 4),
                            Jdbc.instant(rs, 5), Jdbc.instant(rs, 6), rs.getInt(7), rs.getString(8)),
                            rs.getString(9), Jdbc.instant(rs, 10)));
                }
            }
        }
        return out;
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
}
