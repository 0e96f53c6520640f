package newsalert.store.jdbc;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import newsalert.store.StoreException;

/**
 * The SQLite file behind a {@code jdbc:sqlite:FILE} URL: its folder is created before the first open, and a
 * failure to open is worded for the user — which file or folder, why in plain words, and what to change —
 * instead of the driver's or Flyway's text.
 */
final class StoreFiles {
    private static final String SQLITE = "jdbc:sqlite:";
    private static final String POSTGRES = "jdbc:postgresql:";
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
        if (url.startsWith(POSTGRES)) {
            return cannotOpenPostgres(url, e);
        }
        if (file == null) {
            return new StoreException("cannot open store " + shown(url), e);
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
        if (chain.contains("SQLITE_CORRUPT") || chain.contains("MALFORMED")) {
            return StoreException.plain("the store " + file + " is damaged (SQLite reports it malformed); restore a"
                    + " backup, or move it away and let newsalert start a new one", e);
        }
        if (chain.contains("NO SCHEMA HISTORY TABLE") || chain.contains("NON-EMPTY SCHEMA")) {
            return StoreException.plain("the file " + file + " holds tables of some other program, not a newsalert"
                    + " store; point store.url (or NEWSALERT_STORE_URL) at another file", e);
        }
        if (chain.contains("SQLITE_CANTOPEN") || chain.contains("SQLITE_READONLY") || chain.contains("READ-ONLY")
                || chain.contains("READONLY") || !Files.isWritable(file.toAbsolutePath().getParent())) {
            return StoreException.plain("cannot open the store " + file + " for writing (the file or its folder is"
                    + " read-only or not yours)" + FIX, e);
        }
        return new StoreException("cannot open store " + url, e);
    }

    /**
     * @param url a JDBC URL
     * @return the URL as it may be shown in a message or log: without its query parameters (where a
     *         {@code password=} could stand)
     */
    static String shown(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    /** Words a PostgreSQL failure by its SQLSTATE (the driver's text may name the user, never the password). */
    private static StoreException cannotOpenPostgres(String url, Exception e) {
        String where = shown(url);
        String state = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                state = sql.getSQLState();
                break;
            }
        }
        if (state == null) {
            return new StoreException("cannot open store " + where, e);
        }
        if (state.startsWith("28")) {
            return StoreException.plain("PostgreSQL at " + where + " refused the user or password; check store.user"
                    + " and store.password (or NEWSALERT_STORE_PASSWORD / NEWSALERT_STORE_PASSWORD_FILE)", e);
        }
        if (state.equals("3D000")) {
            return StoreException.plain("the database in " + where + " does not exist; create it (createdb) or"
                    + " point store.url at one that does", e);
        }
        if (state.equals("08004")) {
            // the server answered and rejected the connection before any login: most often it asks for a password
            // and none was configured (the driver says so only in its own, localised words)
            return StoreException.plain("PostgreSQL at " + where + " rejected the connection before login: when it"
                    + " asks for a password, set store.password (or NEWSALERT_STORE_PASSWORD /"
                    + " NEWSALERT_STORE_PASSWORD_FILE); when it asks for SSL, add sslmode=require to store.url", e);
        }
        if (state.startsWith("08")) {
            return StoreException.plain("cannot reach PostgreSQL at " + where + "; check that the server runs and"
                    + " that host and port in store.url (or NEWSALERT_STORE_URL) are right", e);
        }
        if (state.equals("42501")) {
            return StoreException.plain("the user of " + where + " may not create tables there; grant it CREATE on"
                    + " the schema, or use the database's owner", e);
        }
        return new StoreException("cannot open store " + where, e);
    }

    private static String causes(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null && sb.length() < 10_000; t = t.getCause()) {
            sb.append(t.getClass().getSimpleName()).append(' ').append(t.getMessage()).append('\n');
        }
        return sb.toString();
    }
}
