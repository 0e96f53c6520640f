-- Portable SQL (SQLite and PostgreSQL). Times are epoch milliseconds (BIGINT), UTC.
-- Issue 18: how a chat wants its alerts. Per chat (platform + chat id, a Discord guild as for keyword rules):
-- the time zone times are shown in, quiet hours in that zone, pictures on or off. More per-chat settings (the
-- daily brief) add columns here. A chat without a row has the defaults: UTC, no quiet hours, pictures on.
CREATE TABLE chat_settings (
    platform     VARCHAR(16) NOT NULL,
    chat_id      VARCHAR(128) NOT NULL,
    time_zone    VARCHAR(64) NOT NULL DEFAULT 'UTC',
    -- quiet hours as minutes after local midnight; both NULL when the chat has none
    quiet_from   INTEGER,
    quiet_until  INTEGER,
    pictures     BOOLEAN NOT NULL DEFAULT TRUE,
    updated_at   BIGINT NOT NULL,
    CONSTRAINT chat_settings_key PRIMARY KEY (platform, chat_id)
);

-- Per subscription (target): alerts below quiet_below go silently; on Discord, alerts at or above mention_at
-- ping mention (a role mention <@&id> or @here; NULL for nobody).
ALTER TABLE subscription ADD COLUMN quiet_below INTEGER NOT NULL DEFAULT 0;
ALTER TABLE subscription ADD COLUMN mention VARCHAR(64);
ALTER TABLE subscription ADD COLUMN mention_at INTEGER NOT NULL DEFAULT 80;
