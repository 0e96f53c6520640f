package newsalert.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import newsalert.store.ChatFeed;
import newsalert.store.ChatFeedStore;
import newsalert.store.FeedState;
import newsalert.store.StoreException;
import newsalert.subscription.Platform;

/** {@link ChatFeedStore} on the connection pool of a {@link JdbcNewsStore}; see {@link JdbcNewsStore#chatFeeds()}. */
public final class JdbcChatFeedStore implements ChatFeedStore {
    private final Db db;
    private final Function<String, Optional<FeedState>> states;

    /** @param states the poller's feed states, by URL */
    JdbcChatFeedStore(Db db, Function<String, Optional<FeedState>> states) {
        this.db = db;
        this.states = states;
    }

    @Override
    public Optional<FeedState> pollState(String url) {
        return states.apply(url);
    }

    @Override
    public boolean addChatFeed(ChatFeed f) {
        return db.write("cannot add feed " + f.url(), conn -> {
            try (PreparedStatement ps = Jdbc.prepare(conn, "SELECT 1 FROM chat_feed WHERE platform = ?"
                    + " AND chat_id = ? AND url = ?", f.platform().wireName(), f.chatId(), f.url());
                 ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return false;
                }
            }
            try (PreparedStatement ps = Jdbc.prepare(conn, "INSERT INTO chat_feed (platform, chat_id, url,"
                    + " added_by, added_at, interval_ms) VALUES (?, ?, ?, ?, ?, ?)", f.platform().wireName(),
                    f.chatId(), f.url(), f.addedBy(), f.addedAt().toEpochMilli(),
                    f.interval() == null ? null : f.interval().toMillis())) {
                ps.executeUpdate();
            }
            return true;
        });
    }

    @Override
    public boolean removeChatFeed(Platform platform, String chatId, String url) {
        return db.write("cannot remove feed " + url, conn -> {
            try (PreparedStatement ps = Jdbc.prepare(conn, "DELETE FROM chat_feed WHERE platform = ?"
                    + " AND chat_id = ? AND url = ?", platform.wireName(), chatId, url)) {
                return ps.executeUpdate() > 0;
            }
        });
    }

    @Override
    public List<ChatFeed> chatFeeds(Platform platform, String chatId) {
        return read(" WHERE platform = ? AND chat_id = ?", platform.wireName(), chatId);
    }

    @Override
    public List<ChatFeed> allChatFeeds() {
        return read("");
    }

    @Override
    public Optional<Instant> lastNewEntry(String url) {
        return db.read("cannot read the entries of feed " + url, conn -> {
            try (PreparedStatement ps = Jdbc.prepare(conn, "SELECT MAX(first_seen) FROM seen_entry WHERE feed_url = ?",
                    url);
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(Jdbc.instant(rs, 1)) : Optional.empty();
            }
        });
    }

    @Override
    public Optional<Instant> failingSince(String url) {
        return db.read("cannot read the state of feed " + url,
                conn -> Optional.ofNullable(StatusSql.failingSince(conn, url)));
    }

    private static Duration interval(ResultSet rs) throws SQLException {
        long ms = rs.getLong(6);
        return rs.wasNull() ? null : Duration.ofMillis(ms);
    }

    private List<ChatFeed> read(String where, Object... args) {
        return db.read("cannot list chat feeds", conn -> {
            List<ChatFeed> out = new ArrayList<>();
            try (PreparedStatement ps = Jdbc.prepare(conn, "SELECT platform, chat_id, url, added_by, added_at,"
                    + " interval_ms FROM chat_feed" + where + " ORDER BY added_at, url", args);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ChatFeed(Platform.fromWireName(rs.getString(1)), rs.getString(2), rs.getString(3),
                            rs.getString(4), Jdbc.instant(rs, 5), interval(rs)));
                }
                return out;
            }
        });
    }
}
