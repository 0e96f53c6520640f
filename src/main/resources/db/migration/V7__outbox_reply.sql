-- Portable SQL (SQLite and PostgreSQL). Times are epoch milliseconds (BIGINT), UTC.
-- A third kind of outbox row, 'reply': a short follow-up posted as a reply to the alert sent earlier for the
-- same story and target (when an event's death toll rises sharply), with its text in note. SQLite cannot
-- change a CHECK constraint in place, so the table is rebuilt with its rows, ids and indexes.
CREATE TABLE outbox_v7 (
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
    CONSTRAINT outbox_v7_status CHECK (status IN ('pending', 'sent', 'failed', 'dropped')),
    CONSTRAINT outbox_v7_kind CHECK (kind IN ('send', 'edit', 'reply'))
);
INSERT INTO outbox_v7 (id, story_id, platform, chat_id, thread_id, severity, status, attempts, next_attempt_at,
                       last_error, message_id, created_at, sent_at, kind)
    SELECT id, story_id, platform, chat_id, thread_id, severity, status, attempts, next_attempt_at,
           last_error, message_id, created_at, sent_at, kind FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_v7 RENAME TO outbox;
CREATE INDEX outbox_target_scan ON outbox (platform, chat_id, thread_id, status, id);
CREATE INDEX outbox_story ON outbox (story_id);
