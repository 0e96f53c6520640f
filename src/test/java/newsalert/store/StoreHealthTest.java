package newsalert.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import newsalert.store.jdbc.JdbcNewsStore;
import newsalert.testing.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store as `/health` and start-up see it (tester findings on issue 12): a deleted store file, a file of
 * another program and a damaged file each give a plain sentence, never Flyway's or SQLite's text.
 */
class StoreHealthTest {
    /** HikariCP logs ERROR when its connection check meets a damaged database (tested on purpose): captured. */
    @RegisterExtension
    final LogCapture.PerTest poolLog = LogCapture.perTest("com.zaxxer.hikari.pool.PoolBase");

    @TempDir
    Path dir;

    @Test
    void aStoreWhoseFileWasDeletedWhileOpenIsReportedDown() throws Exception {
        Path file = dir.resolve("s.db");
        try (JdbcNewsStore store = JdbcNewsStore.open("jdbc:sqlite:" + file)) {
            assertThatCode(() -> store.status().ping()).doesNotThrowAnyException();
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                Files.deleteIfExists(Path.of(file + suffix));
            }

            assertThatThrownBy(() -> store.status().ping()).isInstanceOf(StoreException.class)
                    .hasMessage("the store file " + file + " was deleted or moved while the bot runs; what it writes"
                            + " now is lost at the next start");
        }
    }

    @Test
    void aFileOfAnotherProgramIsNotTakenForAStore() throws Exception {
        Path file = dir.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE recipes (name TEXT)");
        }

        assertThatThrownBy(() -> JdbcNewsStore.open("jdbc:sqlite:" + file)).isInstanceOf(StoreException.class)
                .hasMessage("the file " + file + " holds tables of some other program, not a newsalert store;"
                        + " point store.url (or NEWSALERT_STORE_URL) at another file");
    }

    @Test
    void aDamagedStoreSaysSoInPlainWords() throws Exception {
        Path file = dir.resolve("d.db");
        JdbcNewsStore.open("jdbc:sqlite:" + file).close();
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 100; i < Math.min(bytes.length, 8192); i++) {
            bytes[i] = (byte) 0x5a;
        }
        Files.write(file, bytes);

        assertThatThrownBy(() -> JdbcNewsStore.open("jdbc:sqlite:" + file)).isInstanceOf(StoreException.class)
                .message().doesNotContain("Flyway").doesNotContain("SQL State").doesNotContain("Exception")
                .satisfies(m -> assertThat(m).contains(file.toString()));
    }
}
