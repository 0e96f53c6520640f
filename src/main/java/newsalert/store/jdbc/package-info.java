/**
 * JDBC implementation of the storage ports: SQLite by default (one file, created on first run),
 * schema managed by Flyway migrations under {@code db/migration} written in SQL that PostgreSQL also runs.
 */
package newsalert.store.jdbc;
