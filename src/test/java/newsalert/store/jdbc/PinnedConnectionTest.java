package newsalert.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import newsalert.store.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Db#pinned} (scan's temporary store, issue 13): every call on one held connection as a savepoint of a
 * longer transaction, statements prepared once. A caller must see what one transaction per call gives: its own
 * earlier writes, a failed call's writes undone and the others kept, and everything stored once closed.
 */
class PinnedConnectionTest {
    @TempDir
    Path dir;

    private String url() {
        return "jdbc:sqlite:" + dir.resolve("pinned.db");
    }

    private static void create(Db db) {
        db.write("create", conn -> {
            try (Statement st = conn.createStatement()) {
                st.execute("CREATE TABLE item (name TEXT NOT NULL)");
            }
            return null;
        });
    }

    private static void insert(Connection conn, String name) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO item (name) VALUES (?)")) {
            ps.setString(1, name);
            ps.executeUpdate();
        }
    }

    private static List<String> names(Db db) {
        return db.read("names", conn -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement("SELECT name FROM item ORDER BY name");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    @Test
    void aCallSeesTheWritesBeforeItAndAFailedCallLeavesNothing() {
        Db plain = Db.open(url(), null, null);
        create(plain);
        Db db = plain.pinned(100);
        try {
            db.write("a", conn -> {
                insert(conn, "a");
                return null;
            });
            assertThat(names(db)).containsExactly("a");
            assertThatThrownBy(() -> db.write("cannot store b", conn -> {
                insert(conn, "b");
                throw new SQLException("disk says no");
            })).isInstanceOf(StoreException.class).hasMessageContaining("cannot store b");
            db.write("c", conn -> {
                insert(conn, "c");
                return null;
            });
            assertThat(names(db)).containsExactly("a", "c");
        } finally {
            db.close();
        }
        Db reopened = Db.open(url(), null, null);
        try {
            assertThat(names(reopened)).as("committed on close").containsExactly("a", "c");
        } finally {
            reopened.close();
        }
    }

    @Test
    void writesAreCommittedEveryGivenNumberOfCalls() {
        Db plain = Db.open(url(), null, null);
        create(plain);
        Db db = plain.pinned(3);
        Db other = Db.open(url(), null, null); // another pool, as another process would read the file
        try {
            db.write("1", conn -> {
                insert(conn, "1");
                return null;
            });
            db.write("2", conn -> {
                insert(conn, "2");
                return null;
            });
            assertThat(names(other)).as("two calls: not committed yet").isEmpty();
            db.write("3", conn -> {
                insert(conn, "3");
                return null;
            });
            assertThat(names(other)).as("the third call commits").containsExactly("1", "2", "3");
        } finally {
            other.close();
            db.close();
        }
    }

    @Test
    void aStatementTextIsPreparedOnceAndTwoAtOnceBothWork() {
        Db plain = Db.open(url(), null, null);
        create(plain);
        Db db = plain.pinned(10);
        try {
            for (String name : List.of("x", "y", "z")) {
                db.write(name, conn -> {
                    insert(conn, name);
                    return null;
                });
            }
            // the same text open twice at once (a query inside the loop over another's rows)
            List<String> pairs = db.read("pairs", conn -> {
                List<String> out = new ArrayList<>();
                String sql = "SELECT name FROM item WHERE name >= ? ORDER BY name";
                try (PreparedStatement outer = conn.prepareStatement(sql)) {
                    outer.setString(1, "y");
                    try (ResultSet o = outer.executeQuery()) {
                        while (o.next()) {
                            try (PreparedStatement inner = conn.prepareStatement(sql)) {
                                inner.setString(1, o.getString(1));
                                try (ResultSet i = inner.executeQuery()) {
                                    while (i.next()) {
                                        out.add(o.getString(1) + i.getString(1));
                                    }
                                }
                            }
                        }
                    }
                }
                return out;
            });
            assertThat(pairs).containsExactly("yy", "yz", "zz");
            assertThat(names(db)).containsExactly("x", "y", "z");
            assertThat(names(db)).containsExactly("x", "y", "z");
            boolean closed = db.read("closed?", conn -> {
                PreparedStatement ps = conn.prepareStatement("SELECT 1");
                ps.close();
                return ps.isClosed();
            });
            assertThat(closed).isTrue();
        } finally {
            db.close();
        }
    }

    @Test
    void theCacheKeepsOneStatementPerText() throws SQLException {
        Db plain = Db.open(url(), null, null);
        create(plain);
        PinnedConnection pinned = new PinnedConnection(plain.dataSource().getConnection(), 5);
        try {
            for (int k = 0; k < 4; k++) {
                String name = "n" + k;
                pinned.run("insert", conn -> {
                    insert(conn, name);
                    return null;
                });
            }
            assertThat(pinned.cached()).isEqualTo(1);
            for (int k = 0; k < PinnedConnection.CACHED + 10; k++) {
                int n = k;
                pinned.run("select", conn -> {
                    try (PreparedStatement ps = conn.prepareStatement("SELECT " + n)) {
                        ps.executeQuery().close();
                    }
                    return null;
                });
            }
            assertThat(pinned.cached()).isEqualTo(PinnedConnection.CACHED);
        } finally {
            pinned.close();
            plain.close();
        }
        assertThatThrownBy(() -> pinned.run("after close", conn -> null)).isInstanceOf(StoreException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void onlyASqliteStoreIsPinned() {
        assertThatThrownBy(() -> JdbcNewsStore.openPinned("jdbc:postgresql://127.0.0.1:1/x", 10))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
