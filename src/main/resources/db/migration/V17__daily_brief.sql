-- Portable SQL (SQLite and PostgreSQL). Times are epoch milliseconds (BIGINT), UTC.
-- Issue 18 item 5: the daily brief. Per chat (a Discord guild as for the other chat settings): brief_at is the
-- local time of the brief in minutes after midnight of the chat's time zone (NULL: no brief); brief_last is the
-- local date (ISO yyyy-mm-dd) of the last brief queued, so a day's brief is queued once, also across restarts.
ALTER TABLE chat_settings ADD COLUMN brief_at INTEGER;
ALTER TABLE chat_settings ADD COLUMN brief_last VARCHAR(10);
-- The event view as it was when the event was first alerted, for the brief's "toll changed since first sent"
-- line; NULL for events alerted before this version.
ALTER TABLE event ADD COLUMN first_json TEXT;
