package newsalert.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import newsalert.store.CaughtStory;
import newsalert.store.EntryKey;
import newsalert.store.LockedStories;
import newsalert.store.PriorState;
import newsalert.store.StoreException;
import newsalert.store.StoredStory;

/** The reads of {@link LockedStories} on the connection of the transaction that holds the story lock. */
final class LockedReads implements LockedStories {
    private final Connection conn;

    LockedReads(Connection conn) {
        this.conn = conn;
    }

    @Override
    public List<CaughtStory> storiesAfter(long afterSeq, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        return read("cannot read the stories stored since " + afterSeq, () -> EventSql.storiesAfter(conn, afterSeq,
                limit));
    }

    @Override
    public long lastStorySeq() {
        return read("cannot read the last story seq", () -> EventSql.lastSeq(conn));
    }

    @Override
    public List<StoredStory> storiesSince(Instant since) {
        return read("cannot read recent stories", () -> EventSql.storiesSince(conn, since));
    }

    @Override
    public Map<String, String> alertedEvents() {
        return read("cannot read events", () -> EventSql.alerted(conn));
    }

    @Override
    public PriorState priorState(String feedUrl, List<EntryKey> entries) {
        if (entries.isEmpty()) {
            return PriorState.EMPTY;
        }
        return read("cannot read what is stored about the entries of " + feedUrl,
                () -> FeedWriteSql.prior(conn, feedUrl, entries));
    }

    private interface Sql<T> {
        T run() throws SQLException;
    }

    /** Runs one read; an SQL error becomes a {@link StoreException} that keeps it (so a retryable one is retried). */
    private static <T> T read(String what, Sql<T> sql) {
        try {
            return sql.run();
        } catch (SQLException e) {
            throw new StoreException(what, e);
        }
    }
}
