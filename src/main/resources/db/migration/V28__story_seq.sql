-- Portable SQL (SQLite and PostgreSQL).
-- story.seq orders shared stories as they were stored (1, 2, 3 ... in commit order): every `run` instance on one
-- database reads the stories stored after the highest seq it has seen (its event memory catches up with the
-- other instances' stories before each feed decision). Given when a story is inserted or becomes shared, as
-- MAX(seq) + 1; on PostgreSQL under a transaction-scoped advisory lock, so seqs commit in order. Rows stored
-- before keep NULL: the event memory reads them at start through the stories of the window.
ALTER TABLE story ADD COLUMN seq BIGINT;
CREATE INDEX story_seq ON story (seq);
