package newsalert.testing;

import java.nio.file.Path;

/**
 * The databases a store contract test runs against: the embedded SQLite default and a real PostgreSQL
 * ({@link TestPostgres}). A test class takes it as {@code @ParameterizedClass @EnumSource(StoreKind.class)} and
 * asks {@link #url(Path)} for its database.
 */
public enum StoreKind {
    /** A SQLite file in the test's temporary folder. */
    SQLITE,
    /** A fresh database on the tests' PostgreSQL server (embedded, or {@code NEWSALERT_TEST_POSTGRES_URL}). */
    POSTGRES;

    /**
     * @param dir the test's own temporary folder ({@code @TempDir}); the same folder gives the same database, so a
     *            test may open its store again
     * @return the JDBC URL of an empty database of this kind (user in the URL for PostgreSQL)
     */
    public String url(Path dir) {
        return this == SQLITE ? "jdbc:sqlite:" + dir.resolve("news.db") : TestPostgres.databaseFor(dir);
    }
}
