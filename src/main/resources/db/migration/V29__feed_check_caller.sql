-- Who started a kept feed check (issue 17, tester17f): an import cut off by a restart counts only the feeds that
-- person added since it began, not a feed another moderator of the chat added meanwhile. NULL for rows kept before.
ALTER TABLE feed_add_check ADD COLUMN caller VARCHAR(128);
