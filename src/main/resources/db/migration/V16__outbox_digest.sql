-- Portable SQL (SQLite and PostgreSQL). Issue 19: a digest is fixed before its first try. When the delivery
-- worker merges a target's backlog into one digest message, it first writes the digest's id (the id of its
-- first member row) on every member row; retries send exactly those rows again, and a row that belongs to a
-- digest is never merged into another one. NULL for rows that go on their own.
ALTER TABLE outbox ADD COLUMN digest_id BIGINT;
CREATE INDEX outbox_digest ON outbox (digest_id);
