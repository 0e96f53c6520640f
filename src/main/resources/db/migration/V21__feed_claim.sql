-- Portable SQL (SQLite and PostgreSQL). Issue 14 item 3: shared polling. An instance claims a due feed before it
-- reads it: claim_owner is the claiming process's id (a UUID per start), claim_until (epoch ms) when the claim
-- lapses if that process never stores the read. Storing the read's state clears both in the same transaction.
-- A row may now exist before the feed's first poll (claimed, never polled: first_poll_at and last_poll_at NULL).
ALTER TABLE feed_state ADD COLUMN claim_owner VARCHAR(64);
ALTER TABLE feed_state ADD COLUMN claim_until BIGINT;
