CREATE TABLE events (id String, ts DateTime64(3))
ENGINE = MergeTree ORDER BY id
TTL toDateTime(ts) + INTERVAL 30 DAY;
