-- Portable SQL (SQLite and PostgreSQL). Times are epoch milliseconds (BIGINT), UTC.
-- Issue 17 (check17): a `feeds add` check handed over after the command answered "Checking…" is kept here until its
-- answer is queued (the row is deleted in that same transaction). A row whose owner (the instance id of the run that
-- started the check) holds no live lease any more and that is older than about a minute was cut off by a stop or a
-- kill: any instance turns it into a notice to the chat saying so, so that the chat always hears back once.
CREATE TABLE feed_add_check (
    id         VARCHAR(64) PRIMARY KEY,
    platform   VARCHAR(32) NOT NULL,
    chat_id    VARCHAR(256) NOT NULL,
    thread_id  VARCHAR(256) NOT NULL DEFAULT '',
    url        VARCHAR(2048) NOT NULL,
    owner      VARCHAR(256) NOT NULL,
    started_at BIGINT NOT NULL
);
CREATE INDEX feed_add_check_started ON feed_add_check (started_at);
