-- Portable SQL (SQLite and PostgreSQL). Issue 19 item 2: a digest's message is fixed with its rows. The worker
-- renders the digest once, before its first try, and stores the rendered message on the digest's first row
-- (the row whose id is the digest's id); every retry sends that stored message, so a toll or title that changed
-- meanwhile, or a changed chat setting, never makes a retry a different message. NULL on every other row, and
-- on digests fixed before this column existed (those are rendered at each try, as before).
ALTER TABLE outbox ADD COLUMN digest_message TEXT;
