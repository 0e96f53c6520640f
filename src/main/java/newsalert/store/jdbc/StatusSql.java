package newsalert.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import newsalert.store.StoreException;
import newsalert.store.StoreStatus;
import newsalert.subscription.Platform;

/**
 * The read-only queries behind {@code newsalert status} and the {@code newsalert_outbox_pending} gauge, and the
 * {@code failing_since} bookkeeping of {@code feed_state} (V9). Callers hold the store's lock.
 */
final class StatusSql {
    private StatusSql() {
    }

    /**
     * @param previous the row's {@code failing_since} before this save, or {@code null}
     * @return what {@code failing_since} becomes when a feed is saved with {@code failures} failures at
     *         {@code lastPollAt}: cleared by a good read, set at the first failure, then kept
     */
    static Instant failingSince(int failures, Instant previous, Instant lastPollAt) {
        if (failures == 0) {
            return null;
        }
        return previous != null ? previous : lastPollAt;
    }

    /** @return the feed's stored {@code failing_since}, or {@code null} */
    static Instant failingSince(Connection conn, String url) throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(conn, "SELECT failing_since FROM feed_state WHERE url = ?", url);
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Jdbc.instant(rs, 1) : null;
        }
    }

    /**
     * @return pending outbox rows per platform, with the oldest row's creation time and how many wait after an
     *         unanswered attempt
     */
    static Map<Platform, StoreStatus.Backlog> pending(Connection conn) {
        Map<Platform, StoreStatus.Backlog> out = new EnumMap<>(Platform.class);
        try (PreparedStatement ps = conn.prepareStatement("SELECT platform, COUNT(*), MIN(created_at),"
                + " SUM(CASE WHEN last_outcome = 'unknown' THEN 1 ELSE 0 END) FROM outbox"
                + " WHERE status = 'pending' GROUP BY platform");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(Platform.fromWireName(rs.getString(1)), new StoreStatus.Backlog(rs.getLong(2),
                        Jdbc.instant(rs, 3), rs.getLong(4)));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot count pending outbox rows", e);
        }
    }

    /** @return the whole status at {@code now} */
    static StoreStatus read(Connection conn, Instant now) {
        try {
            return new StoreStatus(feeds(conn), pending(conn), subscribers(conn),
                    alertsSince(conn, now.minus(Duration.ofHours(1))), alertsSince(conn, now.minus(Duration.ofDays(1))),
                    instances(conn, now));
        } catch (SQLException e) {
            throw new StoreException("cannot read the store's status", e);
        }
    }

    private static List<StoreStatus.Feed> feeds(Connection conn) throws SQLException {
        List<StoreStatus.Feed> out = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT url, failures, last_error, failing_since,"
                + " last_poll_at, next_poll_at FROM feed_state WHERE (claim_owner IS NULL OR last_poll_at IS NOT NULL)"
                + " ORDER BY failures DESC, CASE WHEN failing_since IS NULL THEN 1 ELSE 0 END, failing_since, url");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new StoreStatus.Feed(rs.getString(1), rs.getInt(2), rs.getString(3), Jdbc.instant(rs, 4),
                        Jdbc.instant(rs, 5), Jdbc.instant(rs, 6)));
            }
        }
        return out;
    }

    private static Map<Platform, StoreStatus.Subscribers> subscribers(Connection conn) throws SQLException {
        Map<Platform, StoreStatus.Subscribers> out = new EnumMap<>(Platform.class);
        try (PreparedStatement ps = conn.prepareStatement("SELECT platform, COUNT(*),"
                + " SUM(CASE WHEN paused THEN 1 ELSE 0 END) FROM subscription GROUP BY platform");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(Platform.fromWireName(rs.getString(1)), new StoreStatus.Subscribers(rs.getInt(2), rs.getInt(3)));
            }
        }
        return out;
    }


    /**
     * The live instances: owners of a presence lease running past {@code now}, each with the other live leases it
     * holds and its live delivery claims; sorted by id.
     */
    private static List<StoreStatus.Instance> instances(Connection conn, Instant now) throws SQLException {
        long t = now.toEpochMilli();
        Map<String, Instant> live = new java.util.TreeMap<>();
        Map<String, List<String>> leases = new java.util.HashMap<>();
        try (PreparedStatement ps = Jdbc.prepare(conn, "SELECT name, owner, expires_at FROM lease WHERE expires_at > ?"
                + " ORDER BY name", t);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String name = rs.getString(1);
                String owner = rs.getString(2);
                if (name.startsWith(StoreStatus.Instance.PRESENCE_LEASE)) {
                    live.put(owner, Instant.ofEpochMilli(rs.getLong(3)));
                } else {
                    leases.computeIfAbsent(owner, o -> new ArrayList<>()).add(name);
                }
            }
        }
        Map<String, Integer> chats = new java.util.HashMap<>();
        try (PreparedStatement ps = Jdbc.prepare(conn, "SELECT owner, COUNT(*) FROM delivery_claim WHERE expires_at > ?"
                + " GROUP BY owner", t);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                chats.put(rs.getString(1), rs.getInt(2));
            }
        }
        List<StoreStatus.Instance> out = new ArrayList<>();
        live.forEach((id, until) -> out.add(new StoreStatus.Instance(id, until, leases.getOrDefault(id, List.of()),
                chats.getOrDefault(id, 0))));
        return out;
    }

    /** Stories alerted since {@code since}: global alerts and first sends to chats, each story once. */
    private static int alertsSince(Connection conn, Instant since) throws SQLException {
        long t = since.toEpochMilli();
        try (PreparedStatement ps = Jdbc.prepare(conn, "SELECT COUNT(*) FROM (SELECT id AS story_id FROM story"
                + " WHERE alerted_at >= ? UNION SELECT story_id FROM outbox WHERE kind = 'send' AND created_at >= ?) a",
                t, t);
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }
}
