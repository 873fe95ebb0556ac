CREATE TABLE IF NOT EXISTS events (id String, name Nullable(String), ts DateTime64(3))
ENGINE = MergeTree ORDER BY id
TTL toDateTime(ts) + INTERVAL 30 DAY;
