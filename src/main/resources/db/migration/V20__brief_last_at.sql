-- Portable SQL (SQLite and PostgreSQL). Times are epoch milliseconds (BIGINT), UTC.
-- Issue 18 (tester18): the daily brief's window starts where the last one ended. brief_last_at is the instant the
-- chat's last brief was queued (the end of the events it covered), or the start the brief command set when the brief
-- was turned on; NULL for chats whose last brief was queued before this version, which are read from brief_last (the
-- local date) and the chat's brief time.
ALTER TABLE chat_settings ADD COLUMN brief_last_at BIGINT;
