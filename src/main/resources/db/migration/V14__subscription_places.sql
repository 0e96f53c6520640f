-- Portable SQL (SQLite and PostgreSQL).
-- The places a subscription follows (subscribe ... in:ukraine,middle-east): comma-separated place keys of the
-- gazetteer, ISO 3166-1 alpha-2 country codes in capitals (UA) or region keys (middle-east); empty follows
-- every place, as every subscription did before.
ALTER TABLE subscription ADD COLUMN places VARCHAR(1024) NOT NULL DEFAULT '';
