package newsalert.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import newsalert.store.AttemptOutcome;
import newsalert.store.ChatClaim;
import newsalert.store.Briefs;
import newsalert.store.OutboxItem;
import newsalert.store.OutboxStatus;
import newsalert.store.StoreException;
import newsalert.store.SubscriptionStore;
import newsalert.story.Topic;
import newsalert.subscription.ChatSettings;
import newsalert.subscription.KeywordRule;
import newsalert.subscription.Loudness;
import newsalert.subscription.QuietHours;
import newsalert.subscription.Keywords;
import newsalert.subscription.Platform;
import newsalert.subscription.Subscription;
import newsalert.subscription.Target;

/**
 * {@link SubscriptionStore} on the connection pool of a {@link JdbcNewsStore}: each method is one
 * transaction on a borrowed connection (on SQLite, writes queue behind one writer). Obtain it from {@link JdbcNewsStore#subscriptions()}; closing
 * the news store closes this one too. Keyword lists are stored newline-separated; topics comma-separated.
 */
public final class JdbcSubscriptionStore implements SubscriptionStore {
    private static final String SUB_COLUMNS = "id, platform, chat_id, thread_id, topics, min_severity,"
            + " include_keywords, exclude_keywords, paused, pause_reason, created_at, places";
    private static final String SAME_TARGET = " WHERE platform = ? AND chat_id = ? AND thread_id = ?";

    private final Db db;

    JdbcSubscriptionStore(Db db) {
        this.db = db;
    }

    @Override
    public Subscription saveSubscription(Subscription s) {
        return db.write("cannot save subscription of " + s.target(), conn -> {
            Optional<Subscription> old = find(conn, s.target());
            if (old.isPresent()) {
                if (old.get().paused() && !s.paused()) {
                    requeuePauseCause(conn, s.target(), old.get().pauseReason());
                }
                update(conn, "UPDATE subscription SET topics = ?, min_severity = ?, include_keywords = ?,"
                                + " exclude_keywords = ?, paused = ?, pause_reason = ?, places = ? WHERE id = ?",
                        topics(s.topics()), s.minSeverity(), String.join("\n", s.includeKeywords()),
                        String.join("\n", s.excludeKeywords()), s.paused(), s.pauseReason(),
                        String.join(",", s.places()), old.get().id());
                return new Subscription(old.get().id(), s.target(), s.topics(), s.minSeverity(),
                        s.includeKeywords(), s.excludeKeywords(), s.paused(), s.pauseReason(),
                        old.get().createdAt(), s.places());
            }
            // the database gives the id (V11)
            long id;
            try (PreparedStatement ps = Jdbc.prepare(conn, "INSERT INTO subscription ("
                            + SUB_COLUMNS.substring("id, ".length()) + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                            + " RETURNING id",
                    s.target().platform().wireName(), s.target().chatId(), Jdbc.thread(s.target().threadId()),
                    topics(s.topics()), s.minSeverity(), String.join("\n", s.includeKeywords()),
                    String.join("\n", s.excludeKeywords()), s.paused(), s.pauseReason(),
                    s.createdAt().toEpochMilli(), String.join(",", s.places()));
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
            return new Subscription(id, s.target(), s.topics(), s.minSeverity(), s.includeKeywords(),
                    s.excludeKeywords(), s.paused(), s.pauseReason(), s.createdAt(), s.places());
        });
    }

    @Override
    public Optional<Subscription> subscription(Target target) {
        return query("cannot read subscription of " + target, conn -> find(conn, target));
    }

    @Override
    public boolean removeSubscription(Target t) {
        Object[] key = {t.platform().wireName(), t.chatId(), Jdbc.thread(t.threadId())};
        return db.write("cannot remove subscription of " + t, conn -> {
            int removed = update(conn, "DELETE FROM subscription" + SAME_TARGET, key);
            if (removed > 0) {
                update(conn, "UPDATE outbox SET status = 'dropped', last_error = 'unsubscribed'" + SAME_TARGET
                        + " AND status = 'pending'", key);
            }
            return removed > 0;
        });
    }

    @Override
    public int moveChat(Platform platform, String fromChatId, String toChatId) {
        return db.write("cannot move chat " + fromChatId + " to " + toChatId,
                conn -> ChatMoveSql.move(conn, platform.wireName(), fromChatId, toChatId));
    }

    @Override
    public List<Subscription> subscriptions(Platform platform, String chatId) {
        return query("cannot list subscriptions of " + chatId, conn -> subs(conn, 
                " WHERE platform = ? AND chat_id = ? ORDER BY id", platform.wireName(), chatId));
    }

    @Override
    public ChatSettings chatSettings(Platform platform, String chatId) {
        return query("cannot read settings of chat " + chatId, conn -> {
            try (PreparedStatement ps = Jdbc.prepare(conn, "SELECT time_zone, quiet_from, quiet_until, pictures,"
                    + " brief_at FROM chat_settings WHERE platform = ? AND chat_id = ?", platform.wireName(), chatId);
                 ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return ChatSettings.defaults(platform, chatId);
                }
                int from = rs.getInt(2);
                boolean hasFrom = !rs.wasNull();
                int until = rs.getInt(3);
                boolean hasQuiet = hasFrom && !rs.wasNull() && from != until;
                QuietHours quiet = hasQuiet ? new QuietHours(minute(from), minute(until)) : null;
                int brief = rs.getInt(5);
                LocalTime briefAt = rs.wasNull() ? null : minute(brief);
                return new ChatSettings(platform, chatId, zone(rs.getString(1)), quiet, rs.getBoolean(4), briefAt);
            }
        });
    }

    @Override
    public void saveChatSettings(ChatSettings c, Instant at) {
        QuietHours q = c.quietHours();
        Integer from = q == null ? null : q.from().toSecondOfDay() / 60;
        Integer until = q == null ? null : q.until().toSecondOfDay() / 60;
        Integer brief = c.brief() == null ? null : c.brief().toSecondOfDay() / 60;
        db.write("cannot save settings of chat " + c.chatId(), conn -> {
            // brief_next_at = NULL: the brief scheduler works the next brief out again from the new settings
            int n = update(conn, "UPDATE chat_settings SET time_zone = ?, quiet_from = ?, quiet_until = ?, pictures = ?,"
                            + " brief_at = ?, brief_next_at = NULL, updated_at = ? WHERE platform = ? AND chat_id = ?",
                    c.zone().getId(),
                    from, until, c.pictures(), brief, at.toEpochMilli(), c.platform().wireName(), c.chatId());
            if (n == 0) {
                update(conn, "INSERT INTO chat_settings (platform, chat_id, time_zone, quiet_from, quiet_until, pictures,"
                                + " brief_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", c.platform().wireName(),
                        c.chatId(), c.zone().getId(), from, until, c.pictures(), brief, at.toEpochMilli());
            }
            return n;
        });
    }

    @Override
    public List<Briefs.Chat> briefChats() {
        return query("cannot list chats with a daily brief", BriefSql::chats);
    }

    @Override
    public List<Briefs.Chat> dueBriefChats(Instant now) {
        return query("cannot list the chats whose daily brief is due", conn -> BriefSql.due(conn, now));
    }

    @Override
    public List<Boolean> queueBriefs(List<Briefs.Queued> briefs) {
        if (briefs.isEmpty()) {
            return List.of();
        }
        return db.write("cannot queue the daily briefs of " + briefs.size() + " chat(s)", conn -> {
            List<Boolean> out = new java.util.ArrayList<>(briefs.size());
            for (Briefs.Queued b : briefs) {
                out.add(BriefSql.queue(conn, b));
            }
            return out;
        });
    }

    @Override
    public void deferBriefs(List<Briefs.Deferral> deferrals) {
        if (!deferrals.isEmpty()) {
            db.write("cannot record when " + deferrals.size() + " chat(s) have their next daily brief",
                    conn -> BriefSql.defer(conn, deferrals));
        }
    }

    @Override
    public List<Briefs.Event> briefEvents(Target target, Instant from, Instant to) {
        return query("cannot read the events of " + target + " for its brief",
                conn -> BriefSql.events(conn, target, from, to));
    }

    @Override
    public boolean queueBrief(Platform platform, String chatId, LocalDate date, Instant due, List<Briefs.Row> rows,
                              Instant at) {
        return db.write("cannot queue the brief of chat " + chatId,
                conn -> BriefSql.queue(conn, platform, chatId, date, due, rows, at));
    }

    @Override
    public Briefs.Chat briefChat(Platform platform, String chatId) {
        return query("cannot read the daily brief of chat " + chatId,
                conn -> BriefSql.chat(conn, platform, chatId));
    }

    @Override
    public void startBriefWindow(Platform platform, String chatId, Instant from) {
        db.write("cannot start the daily brief of chat " + chatId,
                conn -> BriefSql.startWindow(conn, platform, chatId, from));
    }

    @Override
    public Optional<Loudness> loudness(Target t) {
        return query("cannot read loudness of " + t, conn -> {
            try (PreparedStatement ps = Jdbc.prepare(conn, "SELECT quiet_below, mention, mention_at FROM subscription"
                    + SAME_TARGET, t.platform().wireName(), t.chatId(), Jdbc.thread(t.threadId()));
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(loudness(rs.getInt(1), rs.getString(2), rs.getInt(3))) : Optional.empty();
            }
        });
    }

    @Override
    public boolean saveLoudness(Target t, Loudness l) {
        return write("cannot save loudness of " + t, "UPDATE subscription SET quiet_below = ?, mention = ?,"
                + " mention_at = ?" + SAME_TARGET, l.quietBelow(), l.mention(), l.mentionAt(), t.platform().wireName(),
                t.chatId(), Jdbc.thread(t.threadId())) > 0;
    }

    /** Reads stored loudness leniently: a value another version wrote out of range falls back to the default. */
    private static Loudness loudness(int quietBelow, String mention, int mentionAt) {
        try {
            return new Loudness(quietBelow, mention, mentionAt);
        } catch (IllegalArgumentException e) {
            return Loudness.DEFAULT;
        }
    }

    static LocalTime minute(int m) {
        return LocalTime.ofSecondOfDay(Math.floorMod(m, 24 * 60) * 60L);
    }

    /** A stored zone the running Java does not know (older time-zone data) reads as UTC. */
    static ZoneId zone(String id) {
        try {
            return id == null || id.isBlank() ? ZoneOffset.UTC : ZoneId.of(id);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    @Override
    public List<Subscription> allSubscriptions() {
        return query("cannot list subscriptions", conn -> subs(conn, " ORDER BY id"));
    }

    @Override
    public boolean pause(Target t, String reason) {
        return write("cannot pause " + t, "UPDATE subscription SET paused = ?, pause_reason = ?" + SAME_TARGET,
                true, reason, t.platform().wireName(), t.chatId(), Jdbc.thread(t.threadId())) > 0;
    }

    @Override
    public int pauseChat(Platform platform, String chatId, String reason) {
        return write("cannot pause chat " + chatId, "UPDATE subscription SET paused = ?, pause_reason = ?"
                + " WHERE platform = ? AND chat_id = ?", true, reason, platform.wireName(), chatId);
    }

    @Override
    public boolean resume(Target t) {
        return db.write("cannot resume " + t, conn -> {
            Optional<Subscription> old = find(conn, t);
            if (old.isEmpty()) {
                return false;
            }
            if (old.get().paused()) {
                requeuePauseCause(conn, t, old.get().pauseReason());
            }
            return update(conn, "UPDATE subscription SET paused = ?, pause_reason = NULL" + SAME_TARGET, false,
                    t.platform().wireName(), t.chatId(), Jdbc.thread(t.threadId())) > 0;
        });
    }

    /**
     * Puts back the row whose permanent error paused the target (settled failed with the pause reason), so the
     * alert that met the error is not lost when the chat is fixed and resumed.
     */
    private static void requeuePauseCause(Connection conn, Target t, String reason) throws SQLException {
        if (reason == null) {
            return;
        }
        update(conn, "UPDATE outbox SET status = 'pending', next_attempt_at = NULL" + SAME_TARGET
                        + " AND status = 'failed' AND kind = 'send' AND last_error = ?",
                t.platform().wireName(), t.chatId(), Jdbc.thread(t.threadId()), reason);
    }

    @Override
    public boolean addKeywordRule(KeywordRule r) {
        return db.write("cannot add keyword '" + r.term() + "'", conn -> {
            Jdbc.sqliteWriteLockFirst(conn, db.sqlite(), "keyword_rule", "term");
            try (PreparedStatement ps = Jdbc.prepare(conn, "SELECT 1 FROM keyword_rule WHERE platform = ?"
                    + " AND chat_id = ? AND term = ?", r.platform().wireName(), r.chatId(), r.term());
                 ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return false;
                }
            }
            update(conn, "INSERT INTO keyword_rule (platform, chat_id, term, kind, created_by, created_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?)", r.platform().wireName(), r.chatId(), r.term(),
                    r.kind().wireName(), r.createdBy(), r.createdAt().toEpochMilli());
            return true;
        });
    }

    /** Removes every rule of the chat whose stored term has the same normal form (older rows may predate it). */
    @Override
    public boolean removeKeywordRule(Platform platform, String chatId, String term) {
        String want = Keywords.normalize(term);
        return db.write("cannot remove keyword '" + term + "'", conn -> {
            Jdbc.sqliteWriteLockFirst(conn, db.sqlite(), "keyword_rule", "term");
            List<String> stored = new ArrayList<>();
            try (PreparedStatement ps = Jdbc.prepare(conn, "SELECT term FROM keyword_rule WHERE platform = ?"
                    + " AND chat_id = ?", platform.wireName(), chatId); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    stored.add(rs.getString(1));
                }
            }
            int removed = 0;
            for (String t : stored) {
                if (Keywords.normalize(t).equals(want)) {
                    removed += update(conn, "DELETE FROM keyword_rule WHERE platform = ? AND chat_id = ? AND term = ?",
                            platform.wireName(), chatId, t);
                }
            }
            return removed > 0;
        });
    }

    @Override
    public List<KeywordRule> keywordRules(Platform platform, String chatId) {
        return query("cannot list keywords of " + chatId, conn -> rules(conn, " WHERE platform = ? AND chat_id = ?",
                platform.wireName(), chatId));
    }

    @Override
    public List<KeywordRule> allKeywordRules() {
        return query("cannot list keywords", conn -> rules(conn, ""));
    }

    @Override
    public List<Target> pendingTargets() {
        return query("cannot list outbox targets", conn -> OutboxSql.pendingTargets(conn));
    }

    @Override
    public List<OutboxItem> pendingOutbox(Target target, int limit) {
        return query("cannot read outbox of " + target, conn -> OutboxSql.pending(conn, target, limit));
    }

    @Override
    public List<OutboxItem> pendingOutbox(int limit) {
        return query("cannot read outbox", conn -> OutboxSql.pending(conn, null, limit));
    }

    @Override
    public List<OutboxItem> releasedOutbox(Target target, Instant now, int limit) {
        return query("cannot read held outbox rows of " + target, conn -> OutboxSql.released(conn, target, now, limit));
    }

    @Override
    public boolean markSent(long id, String messageId, Instant at) {
        return mark("cannot mark outbox row " + id + " sent", "UPDATE outbox SET status = 'sent', message_id = ?,"
                + " sent_at = ?, attempts = attempts + 1 WHERE id = ? AND status = 'pending'",
                messageId, at.toEpochMilli(), id) > 0;
    }

    @Override
    public boolean markSent(long id, String messageId, Instant at, long shownRevision) {
        return mark("cannot mark outbox row " + id + " sent", "UPDATE outbox SET status = 'sent', message_id = ?,"
                + " sent_at = ?, attempts = attempts + 1, shown_revision = ? WHERE id = ? AND status = 'pending'",
                messageId, at.toEpochMilli(), shownRevision, id) > 0;
    }

    @Override
    public java.util.OptionalLong shownRevision(String storyId, Target t, boolean alertOnly) {
        return query("cannot read the revision shown of " + storyId, conn -> {
            try (PreparedStatement ps = Jdbc.prepare(conn, "SELECT MAX(shown_revision) FROM outbox" + SAME_TARGET
                            + " AND story_id = ? AND status = 'sent' AND kind IN ('send'"
                            + (alertOnly ? "" : ", 'edit'") + ")",
                    t.platform().wireName(), t.chatId(), Jdbc.thread(t.threadId()), storyId);
                 ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    long shown = rs.getLong(1);
                    if (!rs.wasNull()) {
                        return java.util.OptionalLong.of(shown);
                    }
                }
                return java.util.OptionalLong.empty();
            }
        });
    }

    @Override
    public void markFailed(long id, String error, Instant nextAttemptAt) {
        markFailed(id, AttemptOutcome.FAILED, error, nextAttemptAt);
    }

    @Override
    public void markFailed(long id, AttemptOutcome outcome, String error, Instant nextAttemptAt) {
        mark("cannot mark outbox row " + id + " failed", "UPDATE outbox SET attempts = attempts + 1,"
                + " last_error = ?, next_attempt_at = ?, last_outcome = ? WHERE id = ? AND status = 'pending'",
                error, nextAttemptAt == null ? null : nextAttemptAt.toEpochMilli(), outcome.wireName(), id);
    }

    @Override
    public int settleDigest(List<Long> members, String messageId) {
        return db.writeFirst("cannot settle the rows of digest message " + messageId,
                conn -> OutboxSql.settleDigest(conn, members, "merged into digest message " + messageId));
    }

    @Override
    public int fixDigest(long digestId, List<Long> members) {
        return db.write("cannot fix digest " + digestId,
                conn -> OutboxSql.fixDigest(conn, digestId, members));
    }

    @Override
    public int fixDigest(long digestId, List<Long> members, String message) {
        return db.write("cannot fix digest " + digestId, conn -> {
            int fixed = OutboxSql.fixDigest(conn, digestId, members);
            if (message != null) {
                OutboxSql.storeDigestMessage(conn, digestId, message);
            }
            return fixed;
        });
    }

    @Override
    public Optional<String> digestMessage(long digestId) {
        return db.read("cannot read digest " + digestId, conn -> OutboxSql.digestMessage(conn, digestId));
    }

    @Override
    public int resumeRetries(Platform platform, Instant now) {
        long at = now.toEpochMilli();
        return write("cannot resume the outbox rows of " + platform.wireName(), "UPDATE outbox SET"
                + " next_attempt_at = ? WHERE platform = ? AND status = 'pending' AND held_until IS NULL"
                + " AND next_attempt_at > ? AND last_error LIKE 'transient: %'", at, platform.wireName(), at);
    }

    @Override
    public void settle(long id, OutboxStatus status, String reason) {
        if (status != OutboxStatus.FAILED && status != OutboxStatus.DROPPED) {
            throw new IllegalArgumentException("settle takes FAILED or DROPPED, not " + status);
        }
        mark("cannot settle outbox row " + id, "UPDATE outbox SET status = ?, last_error = ?"
                + " WHERE id = ? AND status = 'pending'", status.wireName(), reason, id);
    }

    @Override
    public boolean acquireLease(String name, String owner, Instant now, Duration ttl) {
        return db.write("cannot take lease " + name,
                conn -> LeaseSql.acquire(conn, name, owner, now, ttl));
    }

    @Override
    public Optional<String> leaseHolder(String name) {
        return query("cannot read lease " + name, conn -> LeaseSql.holder(conn, name));
    }

    @Override
    public void releaseLease(String name, String owner) {
        write("cannot release lease " + name, "DELETE FROM lease WHERE name = ? AND owner = ?", name, owner);
    }

    @Override
    public int countLiveLeases(String namePrefix, Instant now, Duration forget) {
        return db.write("cannot count the " + namePrefix + " leases",
                conn -> LeaseSql.countLive(conn, namePrefix, now, forget));
    }

    @Override
    public List<ChatClaim> claimChats(String owner, Platform only, Instant now, Duration ttl, int limit) {
        return db.write("cannot claim chats for delivery",
                conn -> ClaimSql.claim(conn, db.sqlite(), owner, only, now, ttl, limit));
    }

    @Override
    public int renewChatClaims(String owner, Instant now, Duration ttl) {
        return write("cannot renew the delivery claims", "UPDATE delivery_claim SET expires_at = ?"
                + " WHERE owner = ? AND expires_at > ?", now.plus(ttl).toEpochMilli(), owner, now.toEpochMilli());
    }

    @Override
    public void releaseChatClaims(String owner) {
        write("cannot release the delivery claims", "DELETE FROM delivery_claim WHERE owner = ?", owner);
    }

    @Override
    public Optional<String> chatClaimHolder(ChatClaim chat, Instant now) {
        return query("cannot read the delivery claim of " + chat.chatId(), conn -> {
            try (PreparedStatement ps = Jdbc.prepare(conn, "SELECT owner FROM delivery_claim WHERE platform = ?"
                    + " AND chat_id = ? AND expires_at > ? AND owner <> ''", chat.platform().wireName(),
                    chat.chatId(), now.toEpochMilli()); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        });
    }

    @Override
    public Optional<String> sentMessageId(String storyId, Target t) {
        return query("cannot read message id of " + storyId, conn -> {
            try (PreparedStatement ps = Jdbc.prepare(conn, "SELECT message_id FROM outbox" + SAME_TARGET
                            + " AND story_id = ? AND status = 'sent' AND kind = 'send' ORDER BY id",
                    t.platform().wireName(), t.chatId(), Jdbc.thread(t.threadId()), storyId);
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        });
    }

    private static Optional<Subscription> find(Connection conn, Target t) throws SQLException {
        List<Subscription> found = subs(conn, SAME_TARGET, t.platform().wireName(), t.chatId(), Jdbc.thread(t.threadId()));
        return found.stream().findFirst();
    }

    private static List<Subscription> subs(Connection conn, String where, Object... args) throws SQLException {
        List<Subscription> out = new ArrayList<>();
        try (PreparedStatement ps = Jdbc.prepare(conn, "SELECT " + SUB_COLUMNS + " FROM subscription" + where, args);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Set<Topic> topics = EnumSet.noneOf(Topic.class);
                Arrays.stream(rs.getString(5).split(",")).map(Topic::fromWireName).forEach(topics::add);
                out.add(new Subscription(rs.getLong(1), OutboxSql.target(rs, 2), topics, rs.getInt(6),
                        lines(rs.getString(7)), lines(rs.getString(8)), rs.getBoolean(9), rs.getString(10),
                        Jdbc.instant(rs, 11), places(rs.getString(12))));
            }
        }
        return out;
    }

    private static List<String> places(String stored) {
        return stored == null || stored.isEmpty() ? List.of() : List.of(stored.split(","));
    }

    private static List<KeywordRule> rules(Connection conn, String where, Object... args) throws SQLException {
        List<KeywordRule> out = new ArrayList<>();
        try (PreparedStatement ps = Jdbc.prepare(conn, "SELECT platform, chat_id, term, kind, created_by, created_at"
                + " FROM keyword_rule" + where + " ORDER BY created_at, term", args);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new KeywordRule(Platform.fromWireName(rs.getString(1)), rs.getString(2), rs.getString(3),
                        KeywordRule.Kind.fromWireName(rs.getString(4)), rs.getString(5), Jdbc.instant(rs, 6)));
            }
        }
        return out;
    }

    private <T> T query(String what, Jdbc.Work<T> work) {
        return db.read(what, work);
    }

    private int write(String what, String sql, Object... args) {
        return db.write(what, conn -> update(conn, sql, args));
    }

    /**
     * A delivery worker's record of a platform's answer on one outbox row: ahead of the ordinary writes waiting on
     * SQLite ({@link Db#writeFirst}), so an accepted message is marked sent within one write's time.
     */
    private int mark(String what, String sql, Object... args) {
        return db.writeFirst(what, conn -> update(conn, sql, args));
    }

    private static int update(Connection conn, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = Jdbc.prepare(conn, sql, args)) {
            return ps.executeUpdate();
        }
    }

    private static String topics(Set<Topic> topics) {
        return topics.stream().map(Topic::wireName).sorted().collect(Collectors.joining(","));
    }

    private static List<String> lines(String s) {
        return s == null || s.isEmpty() ? List.of() : List.of(s.split("\n"));
    }
}
