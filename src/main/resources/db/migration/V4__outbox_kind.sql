-- Portable SQL (SQLite and PostgreSQL).
-- An outbox row either sends a story's alert ('send') or edits the message sent earlier for the same story
-- and target ('edit'), after a later version of the story changed its casualty counts or topics.
ALTER TABLE outbox ADD COLUMN kind VARCHAR(8) NOT NULL DEFAULT 'send' CHECK (kind IN ('send', 'edit'));
