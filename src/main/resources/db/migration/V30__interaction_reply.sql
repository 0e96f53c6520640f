-- Portable SQL (SQLite and PostgreSQL). Times are epoch milliseconds (BIGINT), UTC.
-- Issue 19 (dreply12): a Discord slash command's answer that Discord has not accepted yet, one row per part still to
-- deliver (part = the reply step's number, 0 first). Written after the command ran and before the first reply through
-- the interaction; a part's row is deleted when Discord accepts it; the rows left go to the command's channel as
-- outbox notices, each deleted in the same transaction as its notice's insert. A row whose owner (the instance id of
-- the run answering it) holds no live lease any more, or that outlived the interaction's retries, was cut off by a stop
-- or a kill: any instance posts it to the channel. No interaction token is kept (a credential, and void after a
-- restart anyway). thread_id holds the channel's id in a guild, '' in a DM (as the outbox's columns).
CREATE TABLE interaction_reply (
    interaction_id VARCHAR(64) NOT NULL,
    part           INTEGER NOT NULL,
    platform       VARCHAR(32) NOT NULL,
    chat_id        VARCHAR(256) NOT NULL,
    thread_id      VARCHAR(256) NOT NULL DEFAULT '',
    caller         VARCHAR(128) NOT NULL,
    command        VARCHAR(64) NOT NULL,
    owner          VARCHAR(256) NOT NULL,
    asked_at       BIGINT NOT NULL,
    body           TEXT NOT NULL,
    with_file      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (interaction_id, part)
);
CREATE INDEX interaction_reply_asked ON interaction_reply (asked_at);
