package newsalert.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * tester14b: two {@code run}s started at once on a fresh SQLite file both migrated it, and one failed at start with
 * "locked by another program". Migrations on one SQLite file now run one opener at a time (a lock file beside the
 * store across processes, a monitor within one JVM): every opener gets the full schema.
 */
class SqliteConcurrentMigrateTest {
    @TempDir
    Path dir;

    @Test
    void threeStoresOpenedAtOnceOnAFreshFileAllOpenWithTheWholeSchema() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("fresh.db");
        ExecutorService three = Executors.newFixedThreadPool(3);
        CyclicBarrier together = new CyclicBarrier(3);
        List<Future<JdbcNewsStore>> opened = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                opened.add(three.submit(() -> {
                    together.await(60, TimeUnit.SECONDS);
                    return JdbcNewsStore.open(url);
                }));
            }
            for (Future<JdbcNewsStore> f : opened) {
                try (JdbcNewsStore store = f.get(120, TimeUnit.SECONDS)) {
                    // the newest migration's column is there for every opener
                    assertThat(store.lastStorySeq()).isZero();
                }
            }
        } finally {
            three.shutdownNow();
        }
        assertThat(Files.exists(dir.resolve("fresh.db.migrate-lock"))).isTrue();
        try (JdbcNewsStore again = JdbcNewsStore.open(url)) {
            assertThat(again.lastStorySeq()).isZero();
        }
    }
}
