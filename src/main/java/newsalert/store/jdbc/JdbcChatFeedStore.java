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
import newsalert.store.FailingChatFeed;
import newsalert.store.OutboxKind;
import newsalert.store.FeedState;
import newsalert.store.StoreException;
import newsalert.subscription.Platform;
import newsalert.subscription.Target;

/** {@link ChatFeedStore} on the connection pool of a {@link JdbcNewsStore}; see {@link JdbcNewsStore#chatFeeds()}. */
public final class JdbcChatFeedStore implements ChatFeedStore {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(JdbcChatFeedStore.class);
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
            Jdbc.sqliteWriteLockFirst(conn, db.sqlite(), "chat_feed", "url");
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

    /** First key of the PostgreSQL transaction lock that orders capped adds to one chat ("feed" in ASCII). */
    private static final int CHAT_FEED_LOCK = 0x66656564;

    @Override
    public Added addChatFeed(ChatFeed f, int maxPerChat) {
        return addChatFeed(f, maxPerChat, null);
    }

    @Override
    public Added addChatFeed(ChatFeed f, int maxPerChat, String checkId) {
        return db.write("cannot add feed " + f.url(), conn -> {
            if (checkId != null) {
                // the check's row is the right to add: a sweep that answered it "interrupted" deleted it (SQLite:
                // the single writer orders the two; PostgreSQL: the row lock until commit)
                Jdbc.sqliteWriteLockFirst(conn, db.sqlite(), "feed_add_check", "id");
                try (PreparedStatement ps = Jdbc.prepare(conn, "SELECT 1 FROM feed_add_check WHERE id = ?"
                        + (db.sqlite() ? "" : " FOR UPDATE"), checkId);
                     ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Added.INTERRUPTED;
                    }
                }
            }
            if (!db.sqlite()) {
                // READ COMMITTED would let two adds both count below the cap: take the chat's lock until commit.
                try (PreparedStatement ps = Jdbc.prepare(conn, "SELECT pg_advisory_xact_lock(?, ?)", CHAT_FEED_LOCK,
                        (f.platform().wireName() + ":" + f.chatId()).hashCode());
                     ResultSet rs = ps.executeQuery()) {
                    rs.next();
                }
            }
            // another process's add beside this one (SQLite): be the writer before counting
            Jdbc.sqliteWriteLockFirst(conn, db.sqlite(), "chat_feed", "url");
            int count = 0;
            try (PreparedStatement ps = Jdbc.prepare(conn, "SELECT url FROM chat_feed WHERE platform = ?"
                    + " AND chat_id = ?", f.platform().wireName(), f.chatId());
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(1).equals(f.url())) {
                        return Added.ALREADY_THERE;
                    }
                    count++;
                }
            }
            if (count >= maxPerChat) {
                return Added.FULL;
            }
            try (PreparedStatement ps = Jdbc.prepare(conn, "INSERT INTO chat_feed (platform, chat_id, url,"
                    + " added_by, added_at, interval_ms) VALUES (?, ?, ?, ?, ?, ?)", f.platform().wireName(),
                    f.chatId(), f.url(), f.addedBy(), f.addedAt().toEpochMilli(),
                    f.interval() == null ? null : f.interval().toMillis())) {
                ps.executeUpdate();
            }
            return Added.ADDED;
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

    @Override
    public boolean setChatFeedInterval(Platform platform, String chatId, String url, Duration interval) {
        return db.write("cannot change the interval of feed " + url, conn -> {
            try (PreparedStatement ps = Jdbc.prepare(conn, "UPDATE chat_feed SET interval_ms = "
                    + (interval == null ? "NULL" : "?") + " WHERE platform = ? AND chat_id = ? AND url = ?",
                    interval == null ? new Object[] {platform.wireName(), chatId, url}
                            : new Object[] {interval.toMillis(), platform.wireName(), chatId, url})) {
                return ps.executeUpdate() > 0;
            }
        });
    }

    @Override
    public List<FailingChatFeed> failingChatFeeds() {
        return db.read("cannot read the failing chat feeds", conn -> {
            List<FailingChatFeed> out = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement("SELECT c.platform, c.chat_id, c.url,"
                    + " COALESCE(f.failing_since, f.last_poll_at), f.last_error, c.added_at, c.reenabled_at,"
                    + " c.failing_notice_at FROM chat_feed c JOIN feed_state f ON f.url = c.url"
                    + " WHERE c.disabled_at IS NULL AND f.failures > 0"
                    + " AND COALESCE(f.failing_since, f.last_poll_at) IS NOT NULL ORDER BY c.added_at, c.url");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new FailingChatFeed(Platform.fromWireName(rs.getString(1)), rs.getString(2),
                            rs.getString(3), Jdbc.instant(rs, 4), rs.getString(5), Jdbc.instant(rs, 6),
                            Jdbc.instant(rs, 7), Jdbc.instant(rs, 8)));
                }
                return out;
            }
        });
    }

    /** The {@code story_id} of a feed-health notice: it stands for no story (the outbox reads it with a LEFT JOIN). */
    static String noticeKey(String url) {
        String key = "feed-health:" + url;
        return key.length() <= 2048 ? key : key.substring(0, 2048);
    }

    @Override
    public boolean noticeFailingChatFeed(FailingChatFeed feed, String note, boolean disable, String reason,
                                         Instant at) {
        String platform = feed.platform().wireName();
        return db.write("cannot queue the notice for feed " + feed.url(), conn -> {
            String set = "failing_notice_at = ?" + (disable ? ", disabled_at = ?, disabled_reason = ?" : "");
            Object[] args = disable
                    ? new Object[] {at.toEpochMilli(), at.toEpochMilli(), reason == null ? "" : reason, platform,
                            feed.chatId(), feed.url()}
                    : new Object[] {at.toEpochMilli(), platform, feed.chatId(), feed.url()};
            try (PreparedStatement ps = Jdbc.prepare(conn, "UPDATE chat_feed SET " + set
                    + " WHERE platform = ? AND chat_id = ? AND url = ?", args)) {
                if (ps.executeUpdate() == 0) {
                    return false;
                }
            }
            List<String> threads = noticeThreads(conn, feed);
            for (String thread : threads) {
                OutboxSql.insertRow(conn, noticeKey(feed.url()), 0, new Target(feed.platform(), feed.chatId(),
                        thread), OutboxKind.NOTICE, note, null, at);
            }
            return true;
        });
    }

    /**
     * Where a feed-health notice goes inside its chat. Telegram: every forum topic the chat's subscriptions name,
     * or the chat itself. Discord: the guild's first subscribed channel (the earliest subscription; a DM's own
     * subscription has no channel and means the DM itself); with no subscription at all nothing, since a guild id
     * is no channel a message can be sent to (which channel a feed was added from is not stored), and the drop is
     * one INFO line. {@code ""} stands for the chat itself.
     */
    private static List<String> noticeThreads(java.sql.Connection conn, FailingChatFeed feed) throws SQLException {
        String platform = feed.platform().wireName();
        List<String> threads = new ArrayList<>();
        if (feed.platform() == Platform.DISCORD) {
            try (PreparedStatement ps = Jdbc.prepare(conn, "SELECT thread_id FROM subscription"
                    + " WHERE platform = ? AND chat_id = ? ORDER BY created_at, id", platform, feed.chatId());
                 ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    threads.add(rs.getString(1) == null ? "" : rs.getString(1));
                }
            }
            if (threads.isEmpty()) {
                LOG.info("feed-health notice for {} not sent to Discord server {}: no channel there is subscribed"
                        + " (subscribe a channel to get these notices)", feed.url(), feed.chatId());
            }
            return threads;
        }
        try (PreparedStatement ps = Jdbc.prepare(conn, "SELECT DISTINCT thread_id FROM subscription"
                + " WHERE platform = ? AND chat_id = ? ORDER BY thread_id", platform, feed.chatId());
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                threads.add(rs.getString(1));
            }
        }
        if (threads.isEmpty()) {
            threads.add("");
        }
        return threads;
    }

    @Override
    public void queueNotice(Target target, String key, String note, Instant at) {
        String k = key.length() <= 2048 ? key : key.substring(0, 2048);
        db.write("cannot queue a notice to " + target.platform().wireName() + " chat " + target.chatId(), conn -> {
            OutboxSql.insertRow(conn, k, 0, target, OutboxKind.NOTICE, note, null, at);
            return null;
        });
    }

    @Override
    public void beginCheck(String id, KeptCheck check, String owner, String caller, Instant at) {
        Target target = check.target();
        String by = caller == null || caller.length() <= 128 ? caller : caller.substring(0, 128);
        String u = check.url().length() <= 2048 ? check.url() : check.url().substring(0, 2048);
        db.write("cannot keep a feed check for " + target.platform().wireName() + " chat " + target.chatId(),
                conn -> {
                    try (PreparedStatement ps = Jdbc.prepare(conn, "INSERT INTO feed_add_check (id, platform,"
                            + " chat_id, thread_id, url, owner, started_at, kind, interval_ms, total, caller) VALUES"
                            + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, target.platform().wireName(), target.chatId(),
                            Jdbc.thread(target.threadId()), u, owner, at.toEpochMilli(), check.kind().wire(),
                            check.interval() == null ? null : check.interval().toMillis(), check.total(), by)) {
                        ps.executeUpdate();
                    }
                    return null;
                });
    }

    @Override
    public boolean answerFeedAddCheck(String id, Target target, String key, String note, Instant at) {
        String k = key.length() <= 2048 ? key : key.substring(0, 2048);
        return db.write("cannot queue a feed check's answer to " + target.platform().wireName() + " chat "
                + target.chatId(), conn -> {
                    if (!deleteCheck(conn, id)) {
                        return false;
                    }
                    OutboxSql.insertRow(conn, k, 0, target, OutboxKind.NOTICE, note, null, at);
                    return true;
                });
    }

    @Override
    public void forgetFeedAddCheck(String id) {
        db.write("cannot forget a feed check", conn -> deleteCheck(conn, id));
    }

    @Override
    public int interruptChecks(String owner, Instant startedBy, Instant now,
                               java.util.function.Function<CutOffCheck, String> note) {
        return db.write("cannot answer interrupted feed checks", conn -> {
            Jdbc.sqliteWriteLockFirst(conn, db.sqlite(), "feed_add_check", "id");
            record Row(String id, KeptCheck check, long startedAt, String caller) {
            }
            List<Row> rows = new ArrayList<>();
            // in id order: two instances sweeping at once delete the same rows in one order (no deadlock on
            // PostgreSQL), and the second finds them gone
            String sql = "SELECT c.id, c.platform, c.chat_id, c.thread_id, c.url, c.started_at, c.kind,"
                    + " c.interval_ms, c.total, c.caller FROM feed_add_check c WHERE c.started_at <= ? AND "
                    + (owner != null ? "c.owner = ?"
                            : "NOT EXISTS (SELECT 1 FROM lease l WHERE l.owner = c.owner AND l.expires_at > ?)")
                    + " ORDER BY c.id";
            try (PreparedStatement ps = Jdbc.prepare(conn, sql, startedBy.toEpochMilli(),
                    owner != null ? owner : now.toEpochMilli());
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String thread = rs.getString(4);
                    Target target = new Target(Platform.fromWireName(rs.getString(2)), rs.getString(3),
                            thread == null || thread.isEmpty() ? null : thread);
                    long ms = rs.getLong(8);
                    Duration interval = rs.wasNull() ? null : Duration.ofMillis(ms);
                    rows.add(new Row(rs.getString(1), new KeptCheck(CheckKind.fromWire(rs.getString(7)), target,
                            rs.getString(5), interval, rs.getInt(9)), rs.getLong(6), rs.getString(10)));
                }
            }
            int queued = 0;
            for (Row r : rows) {
                Target target = r.check().target();
                if (deleteCheck(conn, r.id())) {
                    List<String> gained = new ArrayList<>();
                    // an import counts only its caller's adds: another moderator's add meanwhile is not the file's
                    boolean byCaller = r.check().kind() == CheckKind.IMPORT && r.caller() != null;
                    try (PreparedStatement ps = byCaller
                            ? Jdbc.prepare(conn, "SELECT url FROM chat_feed WHERE platform = ? AND chat_id = ? AND"
                                    + " added_at >= ? AND added_by = ? ORDER BY added_at, url",
                                    target.platform().wireName(), target.chatId(), r.startedAt(), r.caller())
                            : Jdbc.prepare(conn, "SELECT url FROM chat_feed WHERE platform = ?"
                                    + " AND chat_id = ? AND added_at >= ? ORDER BY added_at, url",
                                    target.platform().wireName(), target.chatId(), r.startedAt());
                         ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            gained.add(rs.getString(1));
                        }
                    }
                    OutboxSql.insertRow(conn, "feed-add-interrupted:" + r.id(), 0, target, OutboxKind.NOTICE,
                            note.apply(new CutOffCheck(r.check(), gained)), null, now);
                    queued++;
                }
            }
            return queued;
        });
    }

    private static boolean deleteCheck(java.sql.Connection conn, String id) throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(conn, "DELETE FROM feed_add_check WHERE id = ?", id)) {
            return ps.executeUpdate() > 0;
        }
    }

    @Override
    public boolean reenableChatFeed(Platform platform, String chatId, String url, Instant at) {
        return db.write("cannot turn feed " + url + " back on", conn -> {
            try (PreparedStatement ps = Jdbc.prepare(conn, "UPDATE chat_feed SET disabled_at = NULL,"
                    + " disabled_reason = NULL, reenabled_at = ? WHERE platform = ? AND chat_id = ? AND url = ?",
                    at.toEpochMilli(), platform.wireName(), chatId, url)) {
                return ps.executeUpdate() > 0;
            }
        });
    }

    private static Duration interval(ResultSet rs) throws SQLException {
        long ms = rs.getLong(6);
        return rs.wasNull() ? null : Duration.ofMillis(ms);
    }

    private List<ChatFeed> read(String where, Object... args) {
        return db.read("cannot list chat feeds", conn -> {
            List<ChatFeed> out = new ArrayList<>();
            try (PreparedStatement ps = Jdbc.prepare(conn, "SELECT platform, chat_id, url, added_by, added_at,"
                    + " interval_ms, disabled_at, disabled_reason FROM chat_feed" + where + " ORDER BY added_at, url", args);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ChatFeed(Platform.fromWireName(rs.getString(1)), rs.getString(2), rs.getString(3),
                            rs.getString(4), Jdbc.instant(rs, 5), interval(rs), Jdbc.instant(rs, 7),
                            rs.getString(8)));
                }
                return out;
            }
        });
    }
}
