-- Portable SQL (SQLite and PostgreSQL). Times are epoch milliseconds (BIGINT), UTC.
-- When a feed's current run of failed reads began (NULL while it reads fine), for "newsalert status":
-- set at the first failure in a row, kept through the following ones, cleared by a good read or a 304.
ALTER TABLE feed_state ADD COLUMN failing_since BIGINT;
