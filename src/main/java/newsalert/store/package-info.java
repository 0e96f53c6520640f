/**
 * Storage ports: what the pipeline needs to remember across restarts (feed polling state, seen
 * entries, stories with their assessments, alerts and whether they were delivered) and what the chat
 * side needs (subscriptions, moderators' keyword rules, the outbox of deliveries per target). Implemented in
 * {@code store.jdbc} for SQLite (default) and, with the same portable schema, PostgreSQL.
 */
package newsalert.store;
