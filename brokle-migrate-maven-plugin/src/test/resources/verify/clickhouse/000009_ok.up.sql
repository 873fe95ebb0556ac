CREATE TABLE IF NOT EXISTS sessions (id String, started DateTime) ENGINE = MergeTree ORDER BY id;
