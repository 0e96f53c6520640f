-- Portable SQL (SQLite and PostgreSQL). Issue 19: how a pending row's last unsuccessful attempt ended, as its own
-- state rather than words in last_error: 'unknown' (no answer came; the message may have arrived), 'failed'
-- (an error answer, or the platform unreachable) or 'rate_limited' (429). NULL when never tried.
ALTER TABLE outbox ADD COLUMN last_outcome TEXT;
