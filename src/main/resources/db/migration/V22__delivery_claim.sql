-- Portable SQL (SQLite and PostgreSQL). Times are epoch milliseconds (BIGINT), UTC.
-- Shared delivery (issue 14): every newsalert instance on one database delivers the outbox, one chat at a time
-- per instance. A row here says which instance (owner) may send the pending outbox rows of one chat (all its
-- forum topics) until expires_at; the owner renews it while it delivers and deletes it when it stops. An
-- instance that dies leaves its rows to lapse, and another instance takes the chat over then. An owner of ''
-- with expires_at 0 is a chat nobody holds.
CREATE TABLE delivery_claim (
    platform   VARCHAR(16) NOT NULL,
    chat_id    VARCHAR(128) NOT NULL,
    owner      VARCHAR(256) NOT NULL,
    expires_at BIGINT NOT NULL,
    PRIMARY KEY (platform, chat_id)
);
CREATE INDEX delivery_claim_owner ON delivery_claim (owner);
