package newsalert.store.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import newsalert.json.StoryJson;
import newsalert.store.ChatFeedStore;
import newsalert.store.CommandUpdateStore;
import newsalert.store.InteractionReplyStore;
import newsalert.store.ChatFeedCap;
import newsalert.store.EntryKey;
import newsalert.store.FeedWrite;
import newsalert.store.PriorState;
import newsalert.store.EventView;
import newsalert.store.FeedState;
import newsalert.store.NewsStore;
import newsalert.store.StoreException;
import newsalert.store.StoredStory;
import newsalert.store.StoryQueries;
import newsalert.store.SubscriptionStore;
import newsalert.story.Assessment;
import newsalert.story.Story;
import newsalert.subscription.Target;
import org.flywaydb.core.Flyway;

/**
 * {@link NewsStore} over a pool of JDBC connections ({@link Db}, HikariCP): each method borrows a connection for
 * one transaction, so the poller's writes, the delivery worker's outbox marks and the commands' reads do not wait
 * on one shared connection. On SQLite one writing transaction runs at a time (its rule anyway), reads beside it;
 * on PostgreSQL the database orders concurrent writes. {@link #subscriptions()}, {@link #queries()},
 * {@link #chatFeeds()} and {@link #status()} share the pool. Opening migrates the schema with Flyway (one set of
 * migrations for both databases). For {@code jdbc:sqlite:} URLs the database file's folder is created when
 * missing, and WAL journaling with a 5 s busy timeout is used.
 */
public final class JdbcNewsStore implements NewsStore {
    private final Db db;

    private final JdbcSubscriptionStore subscriptions;
    private final JdbcStoryQueries queries;
    private final JdbcChatFeedStore chatFeeds;
    private final JdbcCommandUpdateStore commandUpdates;
    private final JdbcInteractionReplyStore interactionReplies;
    private final JdbcStatus status;

    private JdbcNewsStore(Db db) {
        this.db = db;
        this.subscriptions = new JdbcSubscriptionStore(db);
        this.queries = new JdbcStoryQueries(db);
        this.chatFeeds = new JdbcChatFeedStore(db, this::feedState);
        this.commandUpdates = new JdbcCommandUpdateStore(db);
        this.interactionReplies = new JdbcInteractionReplyStore(db);
        this.status = new JdbcStatus(db);
    }

    /** @return the connection pool (for this package's tests) */
    Db db() {
        return db;
    }

    /** @return read-side story and alert lookups on this store's pool */
    public StoryQueries queries() {
        return queries;
    }

    /** @return the per-chat feed store on this store's pool */
    public ChatFeedStore chatFeeds() {
        return chatFeeds;
    }

    /** @return the handled chat-command updates, where polling resumes, and reply queueing, on this store's pool */
    public CommandUpdateStore commandUpdates() {
        return commandUpdates;
    }

    /**
     * @return the slash-command answers not yet accepted by the platform (Discord), and their move to the channel,
     *         on this store's pool
     */
    public InteractionReplyStore interactionReplies() {
        return interactionReplies;
    }

    /** @return the subscription, keyword-rule and outbox store on this store's pool */
    public SubscriptionStore subscriptions() {
        return subscriptions;
    }

    /**
     * Opens (creating if needed) and migrates the database, with no user or password (SQLite, or credentials in
     * the URL).
     *
     * @param jdbcUrl e.g. {@code jdbc:sqlite:data/newsalert.db}
     * @return the open store; close it when done
     * @throws StoreException when the database cannot be created, opened or migrated; the message says why in
     *                        plain words and what to do ({@link StoreFiles#cannotOpen})
     */
    public static JdbcNewsStore open(String jdbcUrl) {
        return open(jdbcUrl, null, null, true);
    }

    /**
     * Opens (creating the SQLite file if needed) and migrates the database.
     *
     * @param jdbcUrl  {@code jdbc:sqlite:FILE} or {@code jdbc:postgresql://host[:port]/database}
     * @param user     the database user ({@code store.user}), or {@code null}
     * @param password the database password ({@code store.password}), or {@code null}; never logged nor put in
     *                 a message
     * @return the open store; close it when done
     * @throws StoreException when the database cannot be reached, opened or migrated; the message says why in
     *                        plain words and what to do
     */
    public static JdbcNewsStore open(String jdbcUrl, String user, String password) {
        return open(jdbcUrl, user, password, true);
    }

    /**
     * Opens an existing store to read it (for {@code status}): its schema is checked, never changed, so a
     * reader never migrates the store of a running bot of another version.
     *
     * @throws StoreException when it cannot be opened, or its schema is older or newer than this program's; the
     *                        message says what to do
     */
    public static JdbcNewsStore openExisting(String jdbcUrl) {
        return open(jdbcUrl, null, null, false);
    }

    /**
     * As {@link #openExisting(String)}, with a database user and password (PostgreSQL).
     *
     * @throws StoreException when it cannot be opened, or its schema is older or newer than this program's
     */
    public static JdbcNewsStore openExisting(String jdbcUrl, String user, String password) {
        return open(jdbcUrl, user, password, false);
    }

    /**
     * Opens (creating) and migrates a SQLite store for one thread's throw-away use ({@code scan}'s temporary
     * store): every call runs on one held connection as a savepoint of a longer transaction, committed every
     * {@code callsPerCommit} calls and at {@link #close}, with statements prepared once. A call's writes are seen
     * by the calls after it and a failing call's writes are undone, as with the other stores; other connections
     * (another process) see the writes only once committed.
     *
     * @param jdbcUrl        {@code jdbc:sqlite:FILE}
     * @param callsPerCommit store calls between commits, at least 1
     * @return the open store; close it when done (that commits the rest)
     * @throws IllegalArgumentException when the URL is not a SQLite one
     * @throws StoreException           when the database cannot be created, opened or migrated; the message says
     *                                  why in plain words and what to do
     */
    public static JdbcNewsStore openPinned(String jdbcUrl, int callsPerCommit) {
        if (!jdbcUrl.startsWith("jdbc:sqlite:")) {
            throw new IllegalArgumentException("a pinned store is a SQLite one: " + jdbcUrl);
        }
        JdbcNewsStore migrated = open(jdbcUrl, null, null, true);
        try {
            return new JdbcNewsStore(migrated.db.pinned(callsPerCommit));
        } catch (RuntimeException e) {
            migrated.close();
            throw e;
        }
    }

    private static JdbcNewsStore open(String jdbcUrl, String user, String password, boolean migrate) {
        Db db = null;
        try {
            if (migrate) {
                StoreFiles.prepareFolder(jdbcUrl);
            }
            db = Db.open(jdbcUrl, user, password);
            Flyway flyway = Flyway.configure().dataSource(db.dataSource()).locations("classpath:db/migration")
                    .load();
            if (migrate) {
                migrateAlone(flyway, StoreFiles.sqliteFile(jdbcUrl));
            } else {
                checkSchema(flyway, StoreFiles.shown(jdbcUrl));
            }
            return new JdbcNewsStore(db);
        } catch (StoreException e) {
            closeQuietly(db);
            throw e; // already a plain sentence
        } catch (IOException | RuntimeException e) {
            closeQuietly(db);
            throw StoreFiles.cannotOpen(jdbcUrl, e);
        }
    }

    /** Orders the migrations of the stores one JVM opens (a file lock is held per process, not per thread). */
    private static final Object MIGRATING = new Object();

    /**
     * Runs the migrations; on a SQLite file, one process at a time: two {@code run} processes started at once on a
     * fresh file both migrated, and the one whose write lost SQLite's lock failed at start ("locked by another
     * program", tester14b). The second now waits for the first's migrations (an OS lock on {@code FILE.migrate-lock}
     * beside the store, released when the process ends, even by a kill), then finds nothing pending. PostgreSQL
     * needs none of this: Flyway locks its history table there.
     *
     * @param sqliteFile the store's SQLite file, or {@code null} (PostgreSQL, or SQLite in memory)
     */
    private static void migrateAlone(Flyway flyway, java.nio.file.Path sqliteFile) throws IOException {
        if (sqliteFile == null) {
            flyway.migrate();
            return;
        }
        java.nio.file.Path lock = sqliteFile.resolveSibling(sqliteFile.getFileName() + ".migrate-lock");
        synchronized (MIGRATING) {
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(lock,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
                 java.nio.channels.FileLock held = ch.lock()) {
                flyway.migrate();
            }
        }
    }

    private static void closeQuietly(Db db) {
        if (db != null) {
            db.close();
        }
    }

    private static void checkSchema(Flyway flyway, String jdbcUrl) {
        org.flywaydb.core.api.MigrationInfoService info = flyway.info();
        if (info.pending().length > 0) {
            throw StoreException.plain("the store " + jdbcUrl + " was written by an older newsalert; start this"
                    + " version's 'newsalert run' once to upgrade it, then ask again", null);
        }
        for (org.flywaydb.core.api.MigrationInfo m : info.all()) {
            if (m.getState() == org.flywaydb.core.api.MigrationState.FUTURE_SUCCESS) {
                throw StoreException.plain("the store " + jdbcUrl + " was written by a newer newsalert (schema "
                        + m.getVersion() + "); use that version to read it", null);
            }
        }
    }

    @Override
    public Optional<FeedState> feedState(String url) {
        return db.read("cannot read state of feed " + url, conn -> {
            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT etag, last_modified, first_poll_at, last_poll_at, next_poll_at, failures, last_error"
                            + " FROM feed_state WHERE url = ? AND (claim_owner IS NULL OR last_poll_at IS NOT NULL)")) { // not a claim-only row
                ps.setString(1, url);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new FeedState(url, rs.getString(1), rs.getString(2), Jdbc.instant(rs, 3),
                            Jdbc.instant(rs, 4), Jdbc.instant(rs, 5), rs.getInt(6), rs.getString(7)));
                }
            }
        });
    }

    @Override
    public java.util.Map<String, FeedState> feedStates(java.util.Collection<String> urls) {
        List<String> distinct = List.copyOf(new java.util.TreeSet<>(urls));
        if (distinct.isEmpty()) {
            return java.util.Map.of();
        }
        return db.read("cannot read the state of " + distinct.size() + " feeds",
                conn -> FeedClaimSql.polledStates(conn, distinct));
    }

    @Override
    public void saveFeedState(FeedState s) {
        db.write("cannot save state of feed " + s.url(), conn -> {
            FeedWriteSql.upsertState(conn, s);
            return null;
        });
    }

    @Override
    public void saveFeedStates(List<FeedState> states) {
        if (states.isEmpty()) {
            return;
        }
        // one state per feed (the last given), written in url order: the order every writer of feed_state locks
        // rows in on PostgreSQL (FeedClaimSql), so this batch never deadlocks with a renewal of claims
        java.util.TreeMap<String, FeedState> byUrl = new java.util.TreeMap<>();
        for (FeedState s : states) {
            byUrl.put(s.url(), s);
        }
        db.write("cannot save the state of " + byUrl.size() + " feeds", conn -> {
            for (FeedState s : byUrl.values()) {
                FeedWriteSql.upsertState(conn, s);
            }
            return null;
        });
    }

    @Override
    public newsalert.store.FeedClaims claimFeeds(List<String> urls, String owner, Instant now,
                                                 java.time.Duration ttl, boolean dueOrNot) {
        return FeedClaimSql.claim(db, urls, owner, now, ttl, dueOrNot);
    }

    @Override
    public void releaseFeedClaims(java.util.Collection<String> urls, String owner) {
        FeedClaimSql.release(db, urls, owner);
    }

    @Override
    public int renewFeedClaims(String owner, Instant now, java.time.Duration ttl) {
        return FeedClaimSql.renew(db, owner, now, ttl);
    }

    @Override
    public PriorState priorState(String feedUrl, List<EntryKey> entries) {
        if (entries.isEmpty()) {
            return PriorState.EMPTY;
        }
        return db.read("cannot read what is stored about the entries of " + feedUrl,
                conn -> FeedWriteSql.prior(conn, feedUrl, entries));
    }

    @Override
    public FeedWrite.Applied apply(FeedWrite write) {
        return db.write("cannot store the entries of " + write.feedUrl(),
                conn -> FeedWriteSql.apply(conn, write));
    }

    @Override
    public FeedWrite.Applied applyDecided(String feedUrl,
                                          java.util.function.Function<newsalert.store.LockedStories, FeedWrite> decision) {
        return db.write("cannot store the entries of " + feedUrl, conn -> {
            StorySql.lockStories(conn);
            FeedWrite write = decision.apply(new LockedReads(conn));
            return FeedWriteSql.apply(conn, write);
        });
    }

    @Override
    public boolean recordEntry(String feedUrl, Story story, Assessment assessment, boolean alert,
                               Instant firstSeen, List<Target> targets) {
        return recordEntry(feedUrl, story, assessment, alert, firstSeen, targets, null, null);
    }

    @Override
    public boolean recordEntry(String feedUrl, Story story, Assessment assessment, boolean alert,
                                            Instant firstSeen, List<Target> targets, String eventId,
                                            EventView view) {
        return record(new EntrySql.Entry(feedUrl, story.id(), story, assessment, alert, firstSeen, targets, eventId, view,
                false, null));
    }

    @Override
    public boolean recordChatEntry(String feedUrl, String entryId, Story story, Assessment assessment,
                                                Instant firstSeen, List<Target> targets, ChatFeedCap cap) {
        return record(new EntrySql.Entry(feedUrl, entryId, story, assessment, false, firstSeen, targets, null, null,
                true, cap));
    }

    private boolean record(EntrySql.Entry entry) {
        return db.write("cannot record entry " + entry.story().id() + " of " + entry.feedUrl(),
                conn -> EntrySql.record(conn, entry));
    }

    @Override
    public List<Target> reviseStory(Story story, Assessment assessment, Instant at) {
        return db.write("cannot revise story " + story.id(),
                conn -> StorySql.revise(conn, story, assessment, at));
    }

    @Override
    public List<Target> reviseChatStory(Story story, Assessment assessment, Instant at, String feedUrl,
                                                     ChatFeedCap cap) {
        return db.write("cannot revise story " + story.id(),
                conn -> StorySql.revise(conn, story, assessment, at, true,
                        cap == null ? null : new ChatFeedWindows(conn, feedUrl, cap, at)));
    }

    @Override
    public List<Target> reviseEvent(EventView view, Instant at) {
        return reviseEvent(view, at, null);
    }

    @Override
    public List<Target> reviseEvent(EventView view, Instant at, String followUp) {
        return db.write("cannot revise event " + view.eventId(), conn -> {
            if (!EventSql.update(conn, view, at)) {
                return List.of();
            }
            List<Target> edited = OutboxSql.insertEdits(conn, view.story().id(), view.assessment().severity(), at);
            if (followUp != null && !followUp.isBlank()) {
                OutboxSql.insertReplies(conn, view.story().id(), view.assessment().severity(), followUp, at);
            }
            return edited;
        });
    }

    @Override
    public Optional<Boolean> storedAlertWorthy(String storyId) {
        return db.read("cannot read story " + storyId, conn -> StorySql.alertWorthy(conn, storyId));
    }

    @Override
    public boolean alertRevisedStory(Story story, Assessment assessment, Instant at,
                                                  List<Target> targets, String eventId, EventView view) {
        return db.write("cannot alert revised story " + story.id(), conn -> {
            if (!StorySql.alertRevised(conn, story, assessment, at)) {
                return false;
            }
            if (eventId != null) {
                EventSql.link(conn, story.id(), eventId);
            }
            if (view != null) {
                EventSql.save(conn, view, at);
            }
            OutboxSql.insert(conn, story.id(), assessment.severity(), targets, at);
            return true;
        });
    }

    @Override
    public Map<String, String> alertedEvents() {
        return db.read("cannot read events", conn -> EventSql.alerted(conn));
    }

    @Override
    public List<StoredStory> storiesSince(Instant since) {
        return db.read("cannot read recent stories", conn -> EventSql.storiesSince(conn, since));
    }

    @Override
    public List<newsalert.store.CaughtStory> storiesAfter(long afterSeq, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        return db.read("cannot read the stories stored since " + afterSeq,
                conn -> EventSql.storiesAfter(conn, afterSeq, limit));
    }

    @Override
    public long lastStorySeq() {
        return db.read("cannot read the last story seq", EventSql::lastSeq);
    }

    @Override
    public int seenCount(String feedUrl) {
        return db.read("cannot count entries of " + feedUrl, conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT COUNT(*) FROM seen_entry WHERE feed_url = ?")) {
                ps.setString(1, feedUrl);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
    }

    /** @return the read-only monitoring queries ({@code status}, {@code /health}) on this store's connection and lock */
    public JdbcStatus status() {
        return status;
    }

    @Override
    public void close() {
        db.close();
    }
}
