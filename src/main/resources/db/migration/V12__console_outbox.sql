-- Portable SQL (SQLite and PostgreSQL). Times are epoch milliseconds (BIGINT), UTC.
-- One output path: the console is a target of the outbox (platform 'console', chat 'stdout') like any chat, so
-- the alert table and its own drain go. A story's global alert is now story.alerted_at (when it alerted; NULL
-- for a story that never did), filled here from alert.created_at.
ALTER TABLE story ADD COLUMN alerted_at BIGINT;
UPDATE story SET alerted_at = (SELECT a.created_at FROM alert a WHERE a.story_id = story.id)
    WHERE EXISTS (SELECT 1 FROM alert a WHERE a.story_id = story.id);

-- Every alert row becomes a console send row, its id given by the database after the outbox's existing ids
-- (V11: identity / INTEGER PRIMARY KEY; no explicit id, so PostgreSQL's sequence stays right), in alert order:
-- an undelivered alert stays pending (the console prints it on the next start, as before); a delivered one is
-- recorded as sent (at its delivered_at, its headline standing for the printed message, as the console adapter
-- does), so that a later toll revision of it reaches the console as an [UPDATE] block.
INSERT INTO outbox (story_id, platform, chat_id, thread_id, severity, status, attempts, message_id,
                    created_at, sent_at, kind)
    SELECT a.story_id, 'console', 'stdout', '', s.severity,
           CASE WHEN a.delivered_at IS NULL THEN 'pending' ELSE 'sent' END, 0,
           CASE WHEN a.delivered_at IS NULL THEN NULL ELSE SUBSTR(s.title, 1, 120) END,
           a.created_at, a.delivered_at, 'send'
    FROM alert a JOIN story s ON s.id = a.story_id
    ORDER BY a.id;

DROP TABLE alert;
