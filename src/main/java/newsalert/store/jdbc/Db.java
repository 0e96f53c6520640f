package newsalert.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import newsalert.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connections of one store: a HikariCP pool over the store URL, from which every store method borrows a
 * connection for one transaction and gives it back. Writes and reads differ only on SQLite, which allows one
 * writer at a time: there a gate ({@link WriterGate}) lets one writing transaction run at once, first come first
 * served (so writers queue in this process instead of failing with "database is locked"), while reads run in
 * parallel beside it (WAL journaling, 5 s busy timeout on every connection). On PostgreSQL writes run side by side
 * and the database orders them.
 *
 * <p>A transaction here is short (one feed read's effects, one outbox mark), and a delivery worker's mark of a
 * platform's answer goes through {@link #writeFirst}, ahead of the writes waiting: it waits at most for the one
 * write in progress, never for a poll cycle's queue of writes.
 */
final class Db implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Db.class);
    /** Pool size on PostgreSQL: the poller, the delivery loop, commands and the health endpoint at once. */
    static final int POSTGRES_POOL = 8;
    /** Pool size on a SQLite file: one writer and a few readers. */
    static final int SQLITE_POOL = 4;
    /** How long a store call waits for a free connection before it fails, in ms. */
    static final long BORROW_TIMEOUT_MS = 60_000;
    /** sqlite-jdbc's connection property that says whether to fetch generated keys after each INSERT. */
    static final String GENERATED_KEYS = "jdbc.get_generated_keys";

    private final HikariDataSource pool;
    private final boolean sqlite;
    private final WriterGate writer = new WriterGate();
    /** The one connection every call runs on, for a throw-away store ({@link #pinned}); else {@code null}. */
    private final PinnedConnection pinned;

    private Db(HikariDataSource pool, boolean sqlite, PinnedConnection pinned) {
        this.pool = pool;
        this.sqlite = sqlite;
        this.pinned = pinned;
    }

    /**
     * Opens a pool over the store URL (the first connection is made here, so a wrong URL or password fails now).
     *
     * @param url      {@code jdbc:sqlite:FILE} or {@code jdbc:postgresql://host[:port]/db}
     * @param user     database user, or {@code null} (SQLite, or a user in the URL)
     * @param password database password, or {@code null}; never logged
     * @throws RuntimeException (HikariCP's) when no connection can be made
     */
    static Db open(String url, String user, String password) {
        boolean sqlite = url.startsWith("jdbc:sqlite:");
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(url);
        if (user != null && !user.isBlank()) {
            cfg.setUsername(user);
        }
        if (password != null && !password.isEmpty()) {
            cfg.setPassword(password);
        }
        cfg.setPoolName("newsalert-store");
        cfg.setConnectionTimeout(BORROW_TIMEOUT_MS);
        cfg.setInitializationFailTimeout(1); // fail at open, with the driver's reason, when nothing answers
        if (sqlite) {
            // an in-memory database lives in its one connection: never more than one then
            boolean memory = StoreFiles.sqliteFile(url) == null;
            cfg.setMaximumPoolSize(memory ? 1 : SQLITE_POOL);
            cfg.setMinimumIdle(1);
            cfg.setConnectionInitSql("PRAGMA busy_timeout = 5000");
            // no store method reads generated keys (ids come from RETURNING or a read): without this sqlite-jdbc
            // prepares and runs "SELECT last_insert_rowid()" after every INSERT (issue 13). The driver lets this
            // property win over the URL's, so a URL that names it decides alone
            if (!url.contains(GENERATED_KEYS)) {
                cfg.addDataSourceProperty(GENERATED_KEYS, "false");
            }
            // a SQLite connection is a file handle: keep it; there is no server that drops idle ones
            cfg.setMaxLifetime(0);
            cfg.setIdleTimeout(0);
        } else {
            cfg.setMaximumPoolSize(POSTGRES_POOL);
            cfg.setMinimumIdle(1);
        }
        HikariDataSource ds = new HikariDataSource(cfg);
        if (sqlite) {
            try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                st.execute("PRAGMA journal_mode = WAL"); // kept in the file: once is enough
            } catch (SQLException e) {
                ds.close();
                throw new StoreException("cannot open store " + url, e);
            }
        }
        return new Db(ds, sqlite, null);
    }

    /**
     * This store's pool with every later call run on one held connection ({@link PinnedConnection}): each call a
     * savepoint, a commit every {@code unitsPerCommit} calls and at {@link #close}, statements prepared once. For
     * a store that one thread uses alone and nothing else reads while it is open ({@code scan}'s temporary store);
     * use the returned {@code Db} instead of this one.
     *
     * @param unitsPerCommit calls between commits, at least 1
     * @throws StoreException when no connection can be had
     */
    Db pinned(int unitsPerCommit) {
        try {
            return new Db(pool, sqlite, new PinnedConnection(pool.getConnection(), unitsPerCommit));
        } catch (SQLException e) {
            throw new StoreException("cannot open the store's connection", e);
        }
    }

    /** @return the pool, e.g. for Flyway */
    DataSource dataSource() {
        return pool;
    }

    /** @return whether the store is a SQLite database (else PostgreSQL) */
    boolean sqlite() {
        return sqlite;
    }

    /**
     * Runs {@code work} as one writing transaction on a borrowed connection: committed when it returns, rolled
     * back when it throws. On SQLite it first waits for the writing transaction in progress, those that came
     * before it and any mark ({@link #writeFirst}) to end. On PostgreSQL a transaction the server rolls back as a
     * deadlock's victim or for a serialization failure runs again, up to {@link #WRITE_ATTEMPTS} times in all; on
     * SQLite one refused with {@code SQLITE_BUSY} (another process kept the file's write lock, or wrote after this
     * transaction's first read) runs again, up to {@link #SQLITE_BUSY_ATTEMPTS} times. So {@code work} must touch nothing but {@code conn} (every store method's
     * work only reads and writes through it).
     *
     * @throws StoreException wrapping any SQL error, with {@code what} as its message
     */
    <T> T write(String what, Jdbc.Work<T> work) {
        return write(what, work, false);
    }

    /**
     * Runs {@code work} as {@link #write} does, but on SQLite ahead of every ordinary write waiting for the one in
     * progress ({@link WriterGate}): for the delivery worker's record of a platform's answer (a row marked sent, a
     * digest's rows settled, a failed try booked), so a message the platform accepted is recorded within one
     * write's time however many poll writes are queued (issue 19 item 1). Keep such work to a few rows.
     *
     * @throws StoreException wrapping any SQL error, with {@code what} as its message
     */
    <T> T writeFirst(String what, Jdbc.Work<T> work) {
        return write(what, work, true);
    }

    private <T> T write(String what, Jdbc.Work<T> work, boolean jump) {
        if (!sqlite) {
            for (int attempt = 1; ; attempt++) {
                try {
                    return transaction(what, work);
                } catch (StoreException e) {
                    if (attempt >= WRITE_ATTEMPTS || !retryable(e)) {
                        throw e;
                    }
                    // PostgreSQL chose this transaction as a deadlock's victim (or a serialization failure):
                    // it was rolled back whole, so running it again is what the server asks for
                    LOG.debug("{}: {}; trying again ({} of {})", what, e.getMessage(), attempt + 1, WRITE_ATTEMPTS);
                }
            }
        }
        try {
            if (!writer.enter(jump, BORROW_TIMEOUT_MS)) {
                throw StoreException.plain(what + ": the store stayed busy for " + BORROW_TIMEOUT_MS / 1000
                        + " s; try again", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw StoreException.plain(what + ": interrupted while waiting for the store", e);
        }
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    return transaction(what, work);
                } catch (StoreException e) {
                    if (attempt >= SQLITE_BUSY_ATTEMPTS || !sqliteBusy(e)) {
                        throw e;
                    }
                    // another process (a second instance, a CLI command) held the file's write lock past the busy
                    // timeout, or wrote after this transaction's first read so its snapshot went stale: the
                    // transaction was rolled back whole, and a new one sees the new snapshot
                    LOG.debug("{}: the database file is busy; trying again ({} of {})", what, attempt + 1,
                            SQLITE_BUSY_ATTEMPTS);
                }
            }
        } finally {
            writer.leave();
        }
    }

    /**
     * How often a SQLite write runs when the file is busy: each try waits up to the 5 s busy timeout for the
     * write lock, so 12 tries bound the wait near {@link #BORROW_TIMEOUT_MS}.
     */
    static final int SQLITE_BUSY_ATTEMPTS = 12;

    /**
     * @return whether {@code e} comes from SQLite's {@code SQLITE_BUSY} (result code 5, or an extended code such as
     *         {@code SQLITE_BUSY_SNAPSHOT} = 517): another connection, usually of another process, holds or just
     *         used the write lock, and the rolled-back transaction may simply run again
     */
    static boolean sqliteBusy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && (sql.getErrorCode() & 0xff) == 5
                    && t.getClass().getName().startsWith("org.sqlite.")) {
                return true;
            }
        }
        return false;
    }

    /** How often a PostgreSQL write runs when the server rolls it back as a deadlock's victim. */
    static final int WRITE_ATTEMPTS = 3;

    /**
     * @return whether {@code e} comes from a PostgreSQL deadlock ({@code 40P01}) or serialization failure
     *         ({@code 40001}): the transaction was rolled back and may simply run again
     */
    static boolean retryable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && ("40P01".equals(sql.getSQLState())
                    || "40001".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs {@code work} as one reading transaction (one consistent view) on a borrowed connection, beside any
     * write in progress.
     *
     * @throws StoreException wrapping any SQL error, with {@code what} as its message
     */
    <T> T read(String what, Jdbc.Work<T> work) {
        return transaction(what, work);
    }

    private <T> T transaction(String what, Jdbc.Work<T> work) {
        if (pinned != null) {
            return pinned.run(what, work);
        }
        try (Connection conn = pool.getConnection()) {
            return Jdbc.inTransaction(conn, what, () -> work.run(conn));
        } catch (SQLException e) {
            throw new StoreException(what, e); // no connection to be had
        }
    }

    /** @return whether a writing transaction waits for the one in progress (SQLite; for tests) */
    boolean writersWaiting() {
        return writer.waiting() > 0;
    }

    /** @return how many writing transactions wait for the one in progress (SQLite; for tests) */
    int writersWaitingCount() {
        return writer.waiting();
    }

    @Override
    public void close() {
        try {
            if (pinned != null) {
                pinned.close();
            }
        } finally {
            pool.close();
        }
    }
}
