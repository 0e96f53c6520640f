-- Portable SQL (SQLite and PostgreSQL). Times are epoch milliseconds (BIGINT), UTC.
-- Feed health in the chat (issue 17): per chat feed, when the chat was last told that the feed keeps failing
-- (failing_notice_at: one notice per run of failures, after 24 h), when the feed was turned off for the chat
-- after 7 days of failures and why (disabled_at, disabled_reason; NULL while it is on), and when a moderator
-- turned it back on with "feeds retry" (reenabled_at: failures before it no longer count towards the notices).
-- SQLite adds one column per ALTER TABLE.
ALTER TABLE chat_feed ADD COLUMN failing_notice_at BIGINT;
ALTER TABLE chat_feed ADD COLUMN disabled_at BIGINT;
ALTER TABLE chat_feed ADD COLUMN disabled_reason VARCHAR(1024);
ALTER TABLE chat_feed ADD COLUMN reenabled_at BIGINT;
