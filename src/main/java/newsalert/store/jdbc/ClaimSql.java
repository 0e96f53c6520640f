package newsalert.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import newsalert.store.ChatClaim;
import newsalert.subscription.Platform;

/**
 * The {@code delivery_claim} table's SQL (V22): which instance delivers which chat's outbox rows. Callers run
 * {@link #claim} inside one writing transaction ({@link Db#write}).
 */
final class ClaimSql {
    private ClaimSql() {
    }

    /**
     * The rule of {@link newsalert.store.SubscriptionStore#claimChats}: first a row for every chat with pending
     * outbox rows that has none yet (this first statement writes, so on SQLite the transaction holds the write
     * lock from its start and no other process can claim in between), then the chats free, lapsed or already
     * {@code owner}'s among those with pending rows, locked with {@code FOR UPDATE SKIP LOCKED} on PostgreSQL (a
     * chat another instance is claiming right now is skipped, not waited for), then taken or renewed until
     * {@code now + ttl}.
     */
    static List<ChatClaim> claim(Connection conn, boolean sqlite, String owner, Platform only, Instant now,
                                 Duration ttl, int limit) throws SQLException {
        String platformFilter = only == null ? "" : " AND platform = ?";
        Object[] platformArg = only == null ? new Object[0] : new Object[] {only.wireName()};
        try (PreparedStatement ps = Jdbc.prepare(conn, "INSERT INTO delivery_claim (platform, chat_id, owner,"
                + " expires_at) SELECT DISTINCT platform, chat_id, '', 0 FROM outbox WHERE status = 'pending'"
                + platformFilter + " ON CONFLICT (platform, chat_id) DO NOTHING", platformArg)) {
            ps.executeUpdate();
        }
        long nowMs = now.toEpochMilli();
        List<Object> args = new ArrayList<>(List.of(owner, nowMs));
        if (only != null) {
            args.add(only.wireName());
        }
        args.add(limit);
        List<ChatClaim> free = new ArrayList<>();
        try (PreparedStatement ps = Jdbc.prepare(conn, "SELECT c.platform, c.chat_id FROM delivery_claim c"
                        + " WHERE (c.owner = ? OR c.expires_at <= ?)" + (only == null ? "" : " AND c.platform = ?")
                        + " AND EXISTS (SELECT 1 FROM outbox o WHERE o.platform = c.platform AND o.chat_id = c.chat_id"
                        + " AND o.status = 'pending') ORDER BY c.platform, c.chat_id LIMIT ?"
                        + (sqlite ? "" : " FOR UPDATE OF c SKIP LOCKED"), args.toArray());
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                free.add(new ChatClaim(Platform.fromWireName(rs.getString(1)), rs.getString(2)));
            }
        }
        long expires = now.plus(ttl).toEpochMilli();
        try (PreparedStatement ps = conn.prepareStatement(
                "UPDATE delivery_claim SET owner = ?, expires_at = ? WHERE platform = ? AND chat_id = ?")) {
            for (ChatClaim c : free) {
                ps.setString(1, owner);
                ps.setLong(2, expires);
                ps.setString(3, c.platform().wireName());
                ps.setString(4, c.chatId());
                ps.addBatch();
            }
            if (!free.isEmpty()) {
                ps.executeBatch();
            }
        }
        return free;
    }
}
