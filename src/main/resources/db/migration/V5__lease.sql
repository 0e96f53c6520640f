-- Portable SQL (SQLite and PostgreSQL). Times are epoch milliseconds (BIGINT), UTC.
-- A named lease lets one process at a time do a job (the outbox delivery), so that two newsalert
-- instances on the same database never send the same alert twice. The holder renews it; it lapses at
-- expires_at when the holder dies.
CREATE TABLE lease (
    name       VARCHAR(64) PRIMARY KEY,
    owner      VARCHAR(256) NOT NULL,
    expires_at BIGINT NOT NULL
);
