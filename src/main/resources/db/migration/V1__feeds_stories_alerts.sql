-- Portable SQL (SQLite and PostgreSQL). Times are epoch milliseconds (BIGINT), UTC.

CREATE TABLE feed_state (
    url            VARCHAR(2048) PRIMARY KEY,
    etag           VARCHAR(1024),
    last_modified  VARCHAR(256),
    first_poll_at  BIGINT,
    last_poll_at   BIGINT,
    next_poll_at   BIGINT,
    failures       INTEGER NOT NULL DEFAULT 0,
    last_error     VARCHAR(1024)
);

CREATE TABLE seen_entry (
    feed_url   VARCHAR(2048) NOT NULL,
    entry_id   VARCHAR(2048) NOT NULL,
    first_seen BIGINT NOT NULL,
    PRIMARY KEY (feed_url, entry_id)
);

CREATE TABLE story (
    id         VARCHAR(2048) PRIMARY KEY,
    feed_url   VARCHAR(2048) NOT NULL,
    title      TEXT NOT NULL,
    published  BIGINT,
    first_seen BIGINT NOT NULL,
    severity   INTEGER NOT NULL,
    topics     VARCHAR(64) NOT NULL,
    alert      BOOLEAN NOT NULL,
    json       TEXT NOT NULL
);
CREATE INDEX story_first_seen ON story (first_seen);

CREATE TABLE alert (
    id           BIGINT PRIMARY KEY,
    story_id     VARCHAR(2048) NOT NULL UNIQUE,
    created_at   BIGINT NOT NULL,
    delivered_at BIGINT
);
CREATE INDEX alert_pending ON alert (delivered_at);
