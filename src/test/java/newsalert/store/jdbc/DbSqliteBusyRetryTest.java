package newsalert.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import newsalert.store.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Db#write} on a SQLite file runs a transaction again when SQLite refuses it with {@code SQLITE_BUSY}: here
 * another connection (standing in for a second instance's process) writes between the transaction's first read
 * and its first write, so the transaction's snapshot is stale and SQLite refuses the write at once (the busy
 * timeout does not help there). This is how a second instance on the same file made a store call fail in CI.
 */
class DbSqliteBusyRetryTest {
    @TempDir
    Path dir;

    private static List<Integer> values(Db db) {
        return db.read("read", conn -> {
            List<Integer> out = new ArrayList<>();
            try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT v FROM t ORDER BY v")) {
                while (rs.next()) {
                    out.add(rs.getInt(1));
                }
            }
            return out;
        });
    }

    @Test
    void aWriteWhoseSnapshotWentStaleRunsAgainAndCountsOnce() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("busy.db");
        try (Db db = Db.open(url, null, null); Connection other = DriverManager.getConnection(url)) {
            db.write("make the table", conn -> {
                try (Statement st = conn.createStatement()) {
                    st.execute("CREATE TABLE t (v INTEGER PRIMARY KEY)");
                }
                return null;
            });
            AtomicInteger runs = new AtomicInteger();
            db.write("read then write", conn -> {
                int run = runs.incrementAndGet();
                try (Statement st = conn.createStatement()) {
                    try (ResultSet rs = st.executeQuery("SELECT count(*) FROM t")) {
                        rs.next(); // the transaction's read snapshot starts here
                    }
                    if (run == 1) {
                        try (Statement o = other.createStatement()) {
                            o.execute("INSERT INTO t VALUES (7)"); // the other process commits a write
                        }
                    }
                    st.execute("INSERT INTO t VALUES (1)");
                }
                return null;
            });
            assertThat(runs.get()).isEqualTo(2);
            assertThat(values(db)).containsExactly(1, 7);
        }
    }

    @Test
    void anErrorThatIsNotBusyIsNotTriedAgain() {
        try (Db db = Db.open("jdbc:sqlite:" + dir.resolve("plain.db"), null, null)) {
            AtomicInteger runs = new AtomicInteger();
            assertThatThrownBy(() -> db.write("bad statement", conn -> {
                runs.incrementAndGet();
                try (Statement st = conn.createStatement()) {
                    st.execute("INSERT INTO missing VALUES (1)");
                }
                return null;
            })).isInstanceOf(StoreException.class).hasMessageContaining("bad statement");
            assertThat(runs.get()).isEqualTo(1);
        }
    }
}
