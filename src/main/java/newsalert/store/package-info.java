/**
 * Storage ports: what the pipeline needs to remember across restarts (feed polling state, seen
 * entries, stories with their assessments, alerts and whether they were delivered). Implemented in
 * {@code store.jdbc} for SQLite (default) and, with the same portable schema, PostgreSQL.
 */
package newsalert.store;
