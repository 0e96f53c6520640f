-- Portable SQL (SQLite and PostgreSQL).
-- A story is chat-only while it has come only from feeds that chats added ("feeds add"), not from a configured
-- feed: only the chats that added such a feed, or were sent the story, may list, search or look it up. It
-- becomes shared (FALSE) once the same story id arrives from a configured feed. Rows stored before count as
-- shared, as they always did.
ALTER TABLE story ADD COLUMN chat_only BOOLEAN NOT NULL DEFAULT FALSE;
