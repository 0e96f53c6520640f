-- Portable SQL (SQLite and PostgreSQL). Times are epoch milliseconds (BIGINT), UTC.
-- Feeds that a chat's moderators added with "feeds add"; one row per (chat, feed URL).

CREATE TABLE chat_feed (
    platform VARCHAR(16) NOT NULL,
    chat_id  VARCHAR(128) NOT NULL,
    url      VARCHAR(2048) NOT NULL,
    added_by VARCHAR(128),
    added_at BIGINT NOT NULL,
    CONSTRAINT chat_feed_url UNIQUE (platform, chat_id, url),
    CONSTRAINT chat_feed_platform CHECK (platform IN ('telegram', 'discord', 'console'))
);
