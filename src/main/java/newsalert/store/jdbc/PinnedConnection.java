package newsalert.store.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import newsalert.store.StoreException;

/**
 * One connection held for the whole life of a throw-away store (scan's), on which every store call runs as a
 * savepoint inside a longer transaction that is committed every {@code unitsPerCommit} calls and at
 * {@link #close}, with its prepared statements kept for reuse.
 *
 * <p>Why: scan decides one read at a time, mostly one story each (the inputs' stories interleave in published
 * order), and each read is a reading and a writing transaction of a few statements. On SQLite most of that time
 * went to preparing the same statement texts again (SQLite parses and plans each) and to the two commits per
 * read; here a statement text is prepared once and a read costs a {@code SAVEPOINT} and a {@code RELEASE}.
 *
 * <p>What a caller sees is the same as with one transaction per call: a call's writes are visible to the calls
 * after it (same connection), and a call that throws has its own writes rolled back (to its savepoint) while the
 * earlier calls' writes stay. Other connections see the writes only once committed. Calls are serialised by a
 * lock; it is meant for one thread.
 *
 * <p>Statements: {@code prepareStatement(String)} on the connection handed to the work answers a statement of
 * the cache when one with the same text is free (up to {@link #CACHED} texts, least recently used dropped), with
 * its parameters cleared; its {@code close()} gives it back instead of closing it. Every other method goes to the
 * real connection or statement.
 */
final class PinnedConnection implements AutoCloseable {
    /** The most statement texts kept prepared. */
    static final int CACHED = 128;

    private final Connection raw;
    private final Connection shared;
    private final int unitsPerCommit;
    private final ReentrantLock lock = new ReentrantLock();
    /** Free statements by text, least recently used first. */
    private final LinkedHashMap<String, PreparedStatement> free = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
            if (size() > CACHED) {
                closeQuietly(eldest.getValue());
                return true;
            }
            return false;
        }
    };
    private final PreparedStatement savepoint;
    private final PreparedStatement release;
    private final PreparedStatement rollback;
    private int units;
    private boolean closed;

    /**
     * @param raw            the connection to hold (borrowed from the pool; closed, i.e. given back, by
     *                       {@link #close})
     * @param unitsPerCommit calls between commits, at least 1
     * @throws SQLException when the connection cannot leave auto-commit
     */
    PinnedConnection(Connection raw, int unitsPerCommit) throws SQLException {
        if (unitsPerCommit < 1) {
            throw new IllegalArgumentException("unitsPerCommit < 1: " + unitsPerCommit);
        }
        this.raw = raw;
        this.unitsPerCommit = unitsPerCommit;
        raw.setAutoCommit(false);
        // prepared once: Connection.setSavepoint() would have SQLite parse a new SAVEPOINT text on every call
        this.savepoint = raw.prepareStatement("SAVEPOINT unit");
        this.release = raw.prepareStatement("RELEASE unit");
        this.rollback = raw.prepareStatement("ROLLBACK TO unit");
        this.shared = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new ConnectionHandler());
    }

    /**
     * Runs {@code work} on the held connection as one savepoint: released when it returns (and the transaction
     * committed every {@code unitsPerCommit} calls), rolled back to when it throws.
     *
     * @throws StoreException wrapping any SQL error, with {@code what} as its message
     */
    <T> T run(String what, Jdbc.Work<T> work) {
        lock.lock();
        try {
            if (closed) {
                throw StoreException.plain(what + ": the store is closed", null);
            }
            try {
                savepoint.execute();
            } catch (SQLException e) {
                throw new StoreException(what, e);
            }
            T result;
            try {
                result = work.run(shared);
                release.execute();
            } catch (SQLException | RuntimeException e) {
                try {
                    rollback.execute();
                    release.execute();
                } catch (SQLException ignored) {
                    // the original error is what matters
                }
                throw e instanceof StoreException se ? se : new StoreException(what, e);
            }
            if (++units >= unitsPerCommit) {
                commit(what);
            }
            return result;
        } finally {
            lock.unlock();
        }
    }

    private void commit(String what) {
        try {
            raw.commit();
            units = 0;
        } catch (SQLException e) {
            throw new StoreException(what, e);
        }
    }

    /** @return the statement texts kept prepared now (for tests) */
    int cached() {
        lock.lock();
        try {
            return free.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Commits what is not yet committed, closes the kept statements and gives the connection back.
     *
     * @throws StoreException when the last commit fails
     */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            List<PreparedStatement> kept = new ArrayList<>(free.values());
            free.clear();
            kept.forEach(PinnedConnection::closeQuietly);
            List.of(savepoint, release, rollback).forEach(PinnedConnection::closeQuietly);
            try {
                raw.commit();
                raw.setAutoCommit(true);
            } catch (SQLException e) {
                throw new StoreException("cannot store the last writes", e);
            } finally {
                try {
                    raw.close();
                } catch (SQLException ignored) {
                    // given back or broken: nothing left to do
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private static void closeQuietly(PreparedStatement ps) {
        try {
            ps.close();
        } catch (SQLException ignored) {
            // a statement of a connection being closed
        }
    }

    /** A kept statement handed out: prepared once; its close gives it back. */
    private PreparedStatement lend(String sql) throws SQLException {
        PreparedStatement ps = free.remove(sql);
        if (ps == null) {
            ps = raw.prepareStatement(sql);
        } else {
            ps.clearParameters();
        }
        PreparedStatement real = ps;
        return (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, new StatementHandler(sql, real));
    }

    private final class ConnectionHandler implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getName().equals("prepareStatement") && args != null && args.length == 1
                    && args[0] instanceof String sql) {
                return lend(sql);
            }
            return forward(raw, method, args);
        }
    }

    private final class StatementHandler implements InvocationHandler {
        private final String sql;
        private final PreparedStatement real;
        private boolean returned;

        StatementHandler(String sql, PreparedStatement real) {
            this.sql = sql;
            this.real = real;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "close" -> {
                    if (!returned) {
                        returned = true;
                        if (closed || free.containsKey(sql)) {
                            closeQuietly(real); // the same text was prepared twice at once: keep one
                        } else {
                            real.clearParameters();
                            free.put(sql, real);
                        }
                    }
                    return null;
                }
                case "isClosed" -> {
                    return returned || real.isClosed();
                }
                case "getConnection" -> {
                    return shared;
                }
                default -> {
                    if (returned) {
                        throw new SQLException("statement is closed");
                    }
                    return forward(real, method, args);
                }
            }
        }
    }

    private static Object forward(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
