-- Portable SQL (SQLite and PostgreSQL). Times are epoch milliseconds (BIGINT), UTC.
-- thread_id is '' (never NULL) when a chat has no forum topic: NULLs are distinct in UNIQUE constraints
-- on both databases, so a nullable column would let the same chat subscribe twice.
-- Ids are assigned by the application (MAX(id) + 1 inside the inserting transaction), as in V1.

CREATE TABLE subscription (
    id               BIGINT PRIMARY KEY,
    platform         VARCHAR(16) NOT NULL,
    chat_id          VARCHAR(128) NOT NULL,
    thread_id        VARCHAR(128) NOT NULL DEFAULT '',
    topics           VARCHAR(64) NOT NULL,
    min_severity     INTEGER NOT NULL DEFAULT 0,
    include_keywords TEXT NOT NULL DEFAULT '',
    exclude_keywords TEXT NOT NULL DEFAULT '',
    paused           BOOLEAN NOT NULL DEFAULT FALSE,
    pause_reason     VARCHAR(1024),
    created_at       BIGINT NOT NULL,
    CONSTRAINT subscription_target UNIQUE (platform, chat_id, thread_id),
    CONSTRAINT subscription_platform CHECK (platform IN ('telegram', 'discord', 'console'))
);

CREATE TABLE keyword_rule (
    platform   VARCHAR(16) NOT NULL,
    chat_id    VARCHAR(128) NOT NULL,
    term       VARCHAR(256) NOT NULL,
    kind       VARCHAR(8) NOT NULL,
    created_by VARCHAR(128),
    created_at BIGINT NOT NULL,
    CONSTRAINT keyword_rule_term UNIQUE (platform, chat_id, term),
    CONSTRAINT keyword_rule_kind CHECK (kind IN ('include', 'exclude'))
);

CREATE TABLE outbox (
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
    CONSTRAINT outbox_status CHECK (status IN ('pending', 'sent', 'failed', 'dropped'))
);
-- the delivery worker's scan: one target's pending rows in id order
CREATE INDEX outbox_target_scan ON outbox (platform, chat_id, thread_id, status, id);
CREATE INDEX outbox_story ON outbox (story_id);
