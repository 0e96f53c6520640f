package newsalert.store.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import newsalert.json.StoryJson;
import newsalert.store.ChatFeedStore;
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
 * {@link NewsStore} over one JDBC connection, guarded by this object's monitor (SQLite allows one
 * writer at a time anyway); {@link #subscriptions()} shares both. Opening migrates the schema with Flyway. For {@code jdbc:sqlite:} URLs the
 * database file's folder is created when missing, and WAL journaling with a 5 s busy timeout is used.
 */
public final class JdbcNewsStore implements NewsStore {
    private final Connection conn;

    private final JdbcSubscriptionStore subscriptions;
    private final JdbcStoryQueries queries;
    private final JdbcChatFeedStore chatFeeds;
    private final JdbcStatus status;

    private JdbcNewsStore(Connection conn) {
        this.conn = conn;
        this.subscriptions = new JdbcSubscriptionStore(conn, this);
        this.queries = new JdbcStoryQueries(conn, this);
        this.chatFeeds = new JdbcChatFeedStore(conn, this, this::feedState);
        this.status = new JdbcStatus(conn, this);
    }

    /** @return read-side story and alert lookups on this store's connection and lock */
    public StoryQueries queries() {
        return queries;
    }

    /** @return the per-chat feed store on this store's connection and lock */
    public ChatFeedStore chatFeeds() {
        return chatFeeds;
    }

    /** @return the subscription, keyword-rule and outbox store on this store's connection and lock */
    public SubscriptionStore subscriptions() {
        return subscriptions;
    }

    /**
     * Opens (creating if needed) and migrates the database.
     *
     * @param jdbcUrl e.g. {@code jdbc:sqlite:data/newsalert.db}
     * @return the open store; close it when done
     * @throws StoreException when the database cannot be created, opened or migrated; the message says why in
     *                        plain words and what to do ({@link StoreFiles#cannotOpen})
     */
    public static JdbcNewsStore open(String jdbcUrl) {
        return open(jdbcUrl, true);
    }

    /**
     * Opens an existing store to read it (for {@code status}): its schema is checked, never changed, so a
     * reader never migrates the store of a running bot of another version.
     *
     * @throws StoreException when it cannot be opened, or its schema is older or newer than this program's; the
     *                        message says what to do
     */
    public static JdbcNewsStore openExisting(String jdbcUrl) {
        return open(jdbcUrl, false);
    }

    private static JdbcNewsStore open(String jdbcUrl, boolean migrate) {
        try {
            Flyway flyway = Flyway.configure().dataSource(jdbcUrl, null, null).locations("classpath:db/migration")
                    .load();
            if (migrate) {
                StoreFiles.prepareFolder(jdbcUrl);
                flyway.migrate();
            } else {
                checkSchema(flyway, jdbcUrl);
            }
            Connection c = DriverManager.getConnection(jdbcUrl);
            if (jdbcUrl.startsWith("jdbc:sqlite:")) {
                try (Statement st = c.createStatement()) {
                    st.execute("PRAGMA busy_timeout = 5000");
                    st.execute("PRAGMA journal_mode = WAL");
                }
            }
            return new JdbcNewsStore(c);
        } catch (StoreException e) {
            throw e; // already a plain sentence
        } catch (SQLException | IOException | RuntimeException e) {
            throw StoreFiles.cannotOpen(jdbcUrl, e);
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
    public synchronized Optional<FeedState> feedState(String url) {
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT etag, last_modified, first_poll_at, last_poll_at, next_poll_at, failures, last_error"
                        + " FROM feed_state WHERE url = ?")) {
            ps.setString(1, url);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new FeedState(url, rs.getString(1), rs.getString(2), Jdbc.instant(rs, 3),
                        Jdbc.instant(rs, 4), Jdbc.instant(rs, 5), rs.getInt(6), rs.getString(7)));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read state of feed " + url, e);
        }
    }

    @Override
    public synchronized void saveFeedState(FeedState s) {
        Jdbc.inTransaction(conn, "cannot save state of feed " + s.url(), () -> {
            FeedWriteSql.upsertState(conn, s);
            return null;
        });
    }

    @Override
    public synchronized void saveFeedStates(List<FeedState> states) {
        if (states.isEmpty()) {
            return;
        }
        Jdbc.inTransaction(conn, "cannot save the state of " + states.size() + " feeds", () -> {
            for (FeedState s : states) {
                FeedWriteSql.upsertState(conn, s);
            }
            return null;
        });
    }

    @Override
    public synchronized PriorState priorState(String feedUrl, List<EntryKey> entries) {
        if (entries.isEmpty()) {
            return PriorState.EMPTY;
        }
        return Jdbc.inTransaction(conn, "cannot read what is stored about the entries of " + feedUrl,
                () -> FeedWriteSql.prior(conn, feedUrl, entries));
    }

    @Override
    public synchronized FeedWrite.Applied apply(FeedWrite write) {
        return Jdbc.inTransaction(conn, "cannot store the entries of " + write.feedUrl(),
                () -> FeedWriteSql.apply(conn, write));
    }

    @Override
    public boolean recordEntry(String feedUrl, Story story, Assessment assessment, boolean alert,
                               Instant firstSeen, List<Target> targets) {
        return recordEntry(feedUrl, story, assessment, alert, firstSeen, targets, null, null);
    }

    @Override
    public synchronized boolean recordEntry(String feedUrl, Story story, Assessment assessment, boolean alert,
                                            Instant firstSeen, List<Target> targets, String eventId,
                                            EventView view) {
        return record(new EntrySql.Entry(feedUrl, story.id(), story, assessment, alert, firstSeen, targets, eventId, view,
                false, null));
    }

    @Override
    public synchronized boolean recordChatEntry(String feedUrl, String entryId, Story story, Assessment assessment,
                                                Instant firstSeen, List<Target> targets, ChatFeedCap cap) {
        return record(new EntrySql.Entry(feedUrl, entryId, story, assessment, false, firstSeen, targets, null, null,
                true, cap));
    }

    private boolean record(EntrySql.Entry entry) {
        return Jdbc.inTransaction(conn, "cannot record entry " + entry.story().id() + " of " + entry.feedUrl(),
                () -> EntrySql.record(conn, entry));
    }

    @Override
    public synchronized List<Target> reviseStory(Story story, Assessment assessment, Instant at) {
        return Jdbc.inTransaction(conn, "cannot revise story " + story.id(),
                () -> StorySql.revise(conn, story, assessment, at));
    }

    @Override
    public synchronized List<Target> reviseChatStory(Story story, Assessment assessment, Instant at, String feedUrl,
                                                     ChatFeedCap cap) {
        return Jdbc.inTransaction(conn, "cannot revise story " + story.id(),
                () -> StorySql.revise(conn, story, assessment, at, true,
                        cap == null ? null : new ChatFeedWindows(conn, feedUrl, cap, at)));
    }

    @Override
    public List<Target> reviseEvent(EventView view, Instant at) {
        return reviseEvent(view, at, null);
    }

    @Override
    public synchronized List<Target> reviseEvent(EventView view, Instant at, String followUp) {
        return Jdbc.inTransaction(conn, "cannot revise event " + view.eventId(), () -> {
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
    public synchronized Optional<Boolean> storedAlertWorthy(String storyId) {
        return Jdbc.inTransaction(conn, "cannot read story " + storyId, () -> StorySql.alertWorthy(conn, storyId));
    }

    @Override
    public synchronized boolean alertRevisedStory(Story story, Assessment assessment, Instant at,
                                                  List<Target> targets, String eventId, EventView view) {
        return Jdbc.inTransaction(conn, "cannot alert revised story " + story.id(), () -> {
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
    public synchronized Map<String, String> alertedEvents() {
        return Jdbc.inTransaction(conn, "cannot read events", () -> EventSql.alerted(conn));
    }

    @Override
    public synchronized List<StoredStory> storiesSince(Instant since) {
        return Jdbc.inTransaction(conn, "cannot read recent stories", () -> EventSql.storiesSince(conn, since));
    }

    @Override
    public synchronized int seenCount(String feedUrl) {
        try (PreparedStatement ps = conn.prepareStatement("SELECT COUNT(*) FROM seen_entry WHERE feed_url = ?")) {
            ps.setString(1, feedUrl);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot count entries of " + feedUrl, e);
        }
    }

    /** @return the read-only monitoring queries ({@code status}, {@code /health}) on this store's connection and lock */
    public JdbcStatus status() {
        return status;
    }

    @Override
    public synchronized void close() {
        try {
            conn.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close store", e);
        }
    }
}
