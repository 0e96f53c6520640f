package newsalert.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import newsalert.store.StoreException;
import newsalert.store.jdbc.JdbcNewsStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The temporary store {@code scan} decides into: a SQLite file in the system's temporary folder, migrated like
 * {@code run}'s, and deleted (with its journal files) on {@link #close}, or at the latest when the JVM exits. Its
 * size on disk grows with the stories scanned; the process's memory does not.
 */
final class ScanStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ScanStore.class);
    /** The store file and its companions: SQLite's journal files and the migrations' lock file. */
    private static final String[] SUFFIXES = {"", "-wal", "-shm", "-journal", ".migrate-lock"};
    /**
     * Store calls (a read's prior state, its decision) between commits: a scan mostly decides one story per read,
     * and two commits per story were most of its store time; a commit now and then keeps the journal short.
     */
    static final int CALLS_PER_COMMIT = 512;
    private final Path file;
    private final JdbcNewsStore store;

    private ScanStore(Path file, JdbcNewsStore store) {
        this.file = file;
        this.store = store;
    }

    /**
     * @return a new, empty store
     * @throws StoreException when no temporary file can be made or opened; the message says what to do
     */
    static ScanStore create() {
        return create(Path.of(System.getProperty("java.io.tmpdir")));
    }

    /**
     * @param folder where the store's file goes
     * @return a new, empty store
     * @throws StoreException when no file can be made or opened there; the message says what to do
     */
    static ScanStore create(Path folder) {
        Path file;
        try {
            file = Files.createTempFile(folder, "newsalert-scan-", ".db");
        } catch (IOException | RuntimeException e) {
            throw StoreException.plain("scan could not create its temporary store in "
                    + folder + " (" + e.getClass().getSimpleName()
                    + "); free some disk space there, or point java.io.tmpdir elsewhere with"
                    + " -Djava.io.tmpdir=DIR", e);
        }
        for (String suffix : SUFFIXES) {
            Path.of(file + suffix).toFile().deleteOnExit();
        }
        try {
            // a throw-away file: no fsync per commit (sqlite-jdbc reads the pragma from the URL), no generated-keys
            // query after each INSERT (sqlite-jdbc's default; the store never asks for them); one connection, a
            // commit every CALLS_PER_COMMIT store calls, statements prepared once
            return new ScanStore(file, JdbcNewsStore.openPinned("jdbc:sqlite:" + file
                    + "?synchronous=OFF&jdbc.get_generated_keys=false", CALLS_PER_COMMIT));
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    /** @return the store */
    JdbcNewsStore store() {
        return store;
    }

    /** Closes the store and deletes its files. */
    @Override
    public void close() {
        try {
            store.close();
        } finally {
            delete(file);
        }
    }

    private static void delete(Path file) {
        for (String suffix : SUFFIXES) {
            try {
                Files.deleteIfExists(Path.of(file + suffix));
            } catch (IOException e) {
                LOG.debug("scan: temporary file {}{} not deleted now ({}); it goes when the JVM exits", file, suffix,
                        e.getMessage());
            }
        }
    }
}
