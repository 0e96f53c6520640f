-- Portable SQL (SQLite and PostgreSQL). Times are epoch milliseconds (BIGINT), UTC.
-- Stories about one happening from several outlets form an event (grouped in memory by the poller, see
-- newsalert.event). story.event_id records the grouping; an event row exists once the event was alerted:
-- story_id is the story whose outbox rows stand for the event, json the event view (the StoryJson shape:
-- fused casualty counts, topics, severity, quotes) that alerts and later edits render.
ALTER TABLE story ADD COLUMN event_id VARCHAR(64);
CREATE INDEX story_event ON story (event_id);

CREATE TABLE event (
    id         VARCHAR(64) PRIMARY KEY,
    story_id   VARCHAR(2048) NOT NULL,
    json       TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX event_story ON event (story_id);
