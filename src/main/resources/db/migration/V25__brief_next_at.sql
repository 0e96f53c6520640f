-- Portable SQL (SQLite and PostgreSQL). Times are epoch milliseconds (BIGINT), UTC.
-- Issue 18 (brief18b): the brief scheduler reads only the chats whose brief may be due. brief_next_at is the earliest
-- instant the chat's next daily brief can be due, as the scheduler last worked it out from the chat's brief time,
-- zone and last brief; NULL when not worked out (brief just set, settings changed since, or rows from before this
-- version): such chats are looked at in the next minute and get a value then.
ALTER TABLE chat_settings ADD COLUMN brief_next_at BIGINT;
CREATE INDEX chat_settings_brief_next ON chat_settings (brief_next_at);
