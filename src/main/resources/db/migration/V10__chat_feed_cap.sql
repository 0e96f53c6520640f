-- Portable SQL (SQLite and PostgreSQL). Times are epoch milliseconds (BIGINT), UTC.
-- The cap on chat-added feeds (chat-feeds.max-alerts-per-hour): a feed that brings one target more new alerts
-- or toll updates within an hour than the cap has the rest held back. A held row is a pending outbox row with
-- held_until set (the end of its hour); the delivery worker leaves it out of the target's queue and, once
-- held_until has passed, sends the target's held rows as one digest. A fourth kind of row, 'notice', tells the
-- chat once per hour why (its text in note). SQLite cannot change a CHECK constraint in place, so the outbox
-- is rebuilt with its rows, ids and indexes, as in V7.
CREATE TABLE outbox_v10 (
    id              BIGINT PRIMARY KEY,
    story_id        VARCHAR(2048) NOT NULL,
    platform        VARCHAR(16) NOT NULL,
    chat_id         VARCHAR(128) NOT NULL,
    thread_id       VARCHAR(128) NOT NULL DEFAULT '',
    severity        INTEGER NOT NULL,
    status          VARCHAR(8) NOT NULL DEFAULT 'pending',
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT,
    last_error      VARCHAR(1024),
    message_id      VARCHAR(128),
    created_at      BIGINT NOT NULL,
    sent_at         BIGINT,
    kind            VARCHAR(8) NOT NULL DEFAULT 'send',
    note            VARCHAR(1024),
    held_until      BIGINT,
    CONSTRAINT outbox_v10_status CHECK (status IN ('pending', 'sent', 'failed', 'dropped')),
    CONSTRAINT outbox_v10_kind CHECK (kind IN ('send', 'edit', 'reply', 'notice'))
);
INSERT INTO outbox_v10 (id, story_id, platform, chat_id, thread_id, severity, status, attempts, next_attempt_at,
                        last_error, message_id, created_at, sent_at, kind, note)
    SELECT id, story_id, platform, chat_id, thread_id, severity, status, attempts, next_attempt_at,
           last_error, message_id, created_at, sent_at, kind, note FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_v10 RENAME TO outbox;
CREATE INDEX outbox_target_scan ON outbox (platform, chat_id, thread_id, status, id);
CREATE INDEX outbox_story ON outbox (story_id);

-- One hour window per (chat-added feed, target): when it opened, how many rows it let through, and whether the
-- target was told that the rest are held.
CREATE TABLE chat_feed_window (
    feed_url     VARCHAR(2048) NOT NULL,
    platform     VARCHAR(16) NOT NULL,
    chat_id      VARCHAR(128) NOT NULL,
    thread_id    VARCHAR(128) NOT NULL DEFAULT '',
    opened_at    BIGINT NOT NULL,
    passed       INTEGER NOT NULL,
    notified     BOOLEAN NOT NULL DEFAULT FALSE,
    CONSTRAINT chat_feed_window_key PRIMARY KEY (feed_url, platform, chat_id, thread_id)
);
