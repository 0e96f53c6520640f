-- Portable SQL (SQLite and PostgreSQL). Issue 17 (low17): a kept check now says what it was, so that the notice for a
-- check cut off by a stop or kill can say all of it:
--   kind        'add' (a `feeds add` check) or 'import' (a `feeds import` in flight; url then holds the file's name)
--   interval_ms the interval `feeds add <url> <interval>` asked for, in milliseconds; NULL when none was given
--   total       for an import: how many distinct addresses the file listed; 0 for an add
ALTER TABLE feed_add_check ADD COLUMN kind VARCHAR(16) NOT NULL DEFAULT 'add';
ALTER TABLE feed_add_check ADD COLUMN interval_ms BIGINT;
ALTER TABLE feed_add_check ADD COLUMN total INTEGER NOT NULL DEFAULT 0;
