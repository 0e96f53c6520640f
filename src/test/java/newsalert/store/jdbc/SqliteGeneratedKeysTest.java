package newsalert.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import newsalert.story.Story;
import newsalert.story.Topic;
import newsalert.subscription.Platform;
import newsalert.subscription.Subscription;
import newsalert.subscription.Target;
import newsalert.testing.Stories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConnection;

/**
 * Issue 13: run's SQLite store asks sqlite-jdbc not to run its generated-keys query after each INSERT (no store
 * method reads generated keys), and the store still writes and reads back stories and subscriptions with their ids.
 */
class SqliteGeneratedKeysTest {
    private static final Instant T0 = Instant.parse("2026-05-04T12:00:00Z");
    private static final Target GROUP = Target.chat(Platform.TELEGRAM, "-100200");

    @TempDir
    Path dir;

    @Test
    void pooledSqliteConnectionsDoNotFetchGeneratedKeys() throws Exception {
        try (Db db = Db.open("jdbc:sqlite:" + dir.resolve("a.db"), null, null);
             Connection conn = db.dataSource().getConnection()) {
            assertThat(conn.unwrap(SQLiteConnection.class).getConnectionConfig().isGetGeneratedKeys()).isFalse();
        }
    }

    @Test
    void aUrlParameterStillDecides() throws Exception {
        try (Db db = Db.open("jdbc:sqlite:" + dir.resolve("b.db") + "?jdbc.get_generated_keys=true", null, null);
             Connection conn = db.dataSource().getConnection()) {
            assertThat(conn.unwrap(SQLiteConnection.class).getConnectionConfig().isGetGeneratedKeys()).isTrue();
        }
    }

    @Test
    void theStoreWritesAndReadsWithoutGeneratedKeys() {
        try (JdbcNewsStore store = JdbcNewsStore.open("jdbc:sqlite:" + dir.resolve("c.db"))) {
            store.subscriptions().saveSubscription(Subscription.of(GROUP, EnumSet.of(Topic.ATTACK), 0, T0));
            Story story = Stories.story("a", "Strike on a depot", T0);
            store.recordEntry("https://wire.test/rss", story, Stories.attack(true), true, T0, List.of(GROUP));
            assertThat(store.subscriptions().pendingOutbox(GROUP, 10)).hasSize(1)
                    .allSatisfy(row -> assertThat(row.id()).isPositive());
            assertThat(store.subscriptions().subscriptions(Platform.TELEGRAM, "-100200")).hasSize(1);
        }
    }
}
