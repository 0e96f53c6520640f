package newsalert.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import newsalert.store.StoreException;
import newsalert.testing.TestPostgres;
import org.junit.jupiter.api.Test;

/**
 * {@link Db#write} on PostgreSQL runs a transaction again when the server rolls it back as a deadlock's victim
 * (SQLSTATE 40P01): two writers that lock two rows in opposite orders both end with their changes stored.
 */
class DbDeadlockRetryTest {
    private static void exec(java.sql.Connection c, String sql, int a, int b) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, a);
            ps.setInt(2, b);
            ps.executeUpdate();
        }
    }

    private static void await(CountDownLatch latch) throws SQLException {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted", e);
        }
    }

    @Test
    void aDeadlocksVictimRunsAgainAndBothWritesAreStored() throws Exception {
        ExecutorService two = Executors.newFixedThreadPool(2);
        try (Db db = Db.open(TestPostgres.freshDatabase(), null, null)) {
            db.write("make the table", conn -> {
                try (Statement st = conn.createStatement()) {
                    st.execute("CREATE TABLE pair (id INT PRIMARY KEY, v INT NOT NULL)");
                    st.execute("INSERT INTO pair VALUES (1, 0), (2, 0)");
                }
                return null;
            });
            CountDownLatch bothHoldOne = new CountDownLatch(2);
            AtomicInteger runs = new AtomicInteger();
            String add = "UPDATE pair SET v = v + ? WHERE id = ?";
            // each writer locks one row, waits until the other holds its row, then asks for the other's row
            Future<?> first = two.submit(() -> db.write("first writer", conn -> {
                runs.incrementAndGet();
                exec(conn, add, 1, 1);
                bothHoldOne.countDown();
                await(bothHoldOne);
                exec(conn, add, 1, 2);
                return null;
            }));
            Future<?> second = two.submit(() -> db.write("second writer", conn -> {
                runs.incrementAndGet();
                exec(conn, add, 10, 2);
                bothHoldOne.countDown();
                await(bothHoldOne);
                exec(conn, add, 10, 1);
                return null;
            }));
            first.get(60, TimeUnit.SECONDS);
            second.get(60, TimeUnit.SECONDS);
            // one of the two was the victim and ran again (at least 3 runs: under heavy load fault19's verify saw a
            // 4th, a second retry); whatever the runs, both writes count exactly once (the values below)
            assertThat(runs.get()).isGreaterThanOrEqualTo(3);
            int[] v = db.read("read the pair", conn -> {
                try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(
                        "SELECT v FROM pair ORDER BY id")) {
                    int[] out = new int[2];
                    for (int i = 0; i < 2 && rs.next(); i++) {
                        out[i] = rs.getInt(1);
                    }
                    return out;
                }
            });
            assertThat(v).containsExactly(11, 11);
        } finally {
            two.shutdownNow();
        }
    }

    @Test
    void anyOtherErrorIsNotTriedAgain() {
        AtomicInteger runs = new AtomicInteger();
        try (Db db = Db.open(TestPostgres.freshDatabase(), null, null)) {
            assertThatThrownBy(() -> db.write("a broken statement", conn -> {
                runs.incrementAndGet();
                try (Statement st = conn.createStatement()) {
                    st.execute("SELECT * FROM no_such_table");
                }
                return null;
            })).isInstanceOf(StoreException.class).hasMessageStartingWith("a broken statement");
        }
        assertThat(runs.get()).isEqualTo(1);
    }

    @Test
    void deadlocksAndSerializationFailuresAreTheRetryableStates() {
        assertThat(Db.retryable(new StoreException("x", new SQLException("deadlock", "40P01")))).isTrue();
        assertThat(Db.retryable(new StoreException("x", new SQLException("serialize", "40001")))).isTrue();
        assertThat(Db.retryable(new StoreException("x", new SQLException("unique", "23505")))).isFalse();
        assertThat(Db.retryable(new StoreException("x", null))).isFalse();
    }
}
