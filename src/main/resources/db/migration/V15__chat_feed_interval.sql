-- Portable SQL (SQLite and PostgreSQL). Durations are milliseconds (BIGINT).
-- A chat feed's own poll interval, set with "feeds add <url> [interval]" (never below poll.min-interval);
-- NULL means the feed is polled at poll.interval, as every chat feed was before.
ALTER TABLE chat_feed ADD COLUMN interval_ms BIGINT;
