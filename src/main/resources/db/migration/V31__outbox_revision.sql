-- Portable SQL (SQLite and PostgreSQL).
-- Issue 19 (tester19d must-fix 3): an alert whose send is on its way when its toll changes must still get the edit
-- and the follow-up, and a chat whose alert already showed a revision must get neither.
-- story.revision counts the revisions of a story that queued edits (0 before the first); it is read in the same
-- statement as the text a row renders, so a row knows which revision it shows.
-- outbox.revision: for an edit or reply row, the story revision it was queued for (NULL on rows from before V31:
-- never skipped). outbox.shown_revision: for a sent send or edit row, the story revision its message showed (NULL
-- before V31).
ALTER TABLE story ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;
ALTER TABLE outbox ADD COLUMN revision BIGINT;
ALTER TABLE outbox ADD COLUMN shown_revision BIGINT;
