package newsalert.store.jdbc;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import newsalert.store.StoreException;

/**
 * The SQLite file behind a {@code jdbc:sqlite:FILE} URL: its folder is created before the first open, and a
 * failure to open is worded for the user — which file or folder, why in plain words, and what to change —
 * instead of the driver's or Flyway's text.
 */
final class StoreFiles {
    private static final String SQLITE = "jdbc:sqlite:";
    private static final String FIX = "; set store.url in the config (or NEWSALERT_STORE_URL) to a file in a folder"
            + " you can write, e.g. jdbc:sqlite:data/newsalert.db";

    private StoreFiles() {
    }

    /**
     * @param url a JDBC URL
     * @return the SQLite database file it names, or {@code null} (another database, in-memory, a {@code file:} URI)
     */
    static Path sqliteFile(String url) {
        if (!url.startsWith(SQLITE)) {
            return null;
        }
        String file = url.substring(SQLITE.length());
        int q = file.indexOf('?');
        if (q >= 0) {
            file = file.substring(0, q);
        }
        if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:")) {
            return null;
        }
        return Path.of(file);
    }

    /** Creates the folder of a SQLite file, so that a fresh clone's first run needs no {@code mkdir}. */
    static void prepareFolder(String url) throws IOException {
        Path file = sqliteFile(url);
        Path parent = file == null ? null : file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }

    /**
     * @param url the store URL
     * @param e   what opening it threw
     * @return an exception whose message says what failed and what to do, without library text
     */
    static StoreException cannotOpen(String url, Exception e) {
        Path file = sqliteFile(url);
        if (file == null) {
            return new StoreException("cannot open store " + url, e);
        }
        if (e instanceof FileSystemException fs) {
            String why = e instanceof AccessDeniedException ? "permission denied"
                    : e instanceof FileAlreadyExistsException ? "a file of that name is in the way" : "not writable here";
            return StoreException.plain("cannot create the folder " + fs.getFile() + " for the store " + file
                    + " (" + why + ")" + FIX, e);
        }
        String chain = causes(e).toUpperCase(Locale.ROOT);
        if (chain.contains("SQLITE_BUSY") || chain.contains("DATABASE IS LOCKED")) {
            return StoreException.plain("the store " + file + " is locked by another program; try again, or give"
                    + " this one its own store (store.url in the config, or NEWSALERT_STORE_URL)", e);
        }
        if (chain.contains("SQLITE_NOTADB") || chain.contains("NOT A DATABASE")) {
            return StoreException.plain("the store " + file + " is not a SQLite database; point store.url (or"
                    + " NEWSALERT_STORE_URL) at another file, or move this one away", e);
        }
        if (chain.contains("SQLITE_CANTOPEN") || chain.contains("SQLITE_READONLY") || chain.contains("READ-ONLY")
                || chain.contains("READONLY") || !Files.isWritable(file.toAbsolutePath().getParent())) {
            return StoreException.plain("cannot open the store " + file + " for writing (the file or its folder is"
                    + " read-only or not yours)" + FIX, e);
        }
        return new StoreException("cannot open store " + url, e);
    }

    private static String causes(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null && sb.length() < 10_000; t = t.getCause()) {
            sb.append(t.getClass().getSimpleName()).append(' ').append(t.getMessage()).append('\n');
        }
        return sb.toString();
    }
}
