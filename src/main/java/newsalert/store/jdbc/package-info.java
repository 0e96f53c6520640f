/**
 * JDBC implementation of the storage ports: SQLite by default (one file, created on first run),
 * schema managed by Flyway migrations under {@code db/migration} written in SQL that PostgreSQL also runs
 * (V11 is a Java migration, {@code db.migration.V11__content_hash_and_database_ids}, where the two need
 * different statements).
 */
package newsalert.store.jdbc;
