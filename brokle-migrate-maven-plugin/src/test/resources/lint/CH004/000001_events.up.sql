CREATE TABLE IF NOT EXISTS events ON CLUSTER brokle (id String, ts DateTime64(3))
ENGINE = ReplicatedMergeTree ORDER BY id
TTL toDateTime(ts) + INTERVAL 30 DAY;

ALTER TABLE events ADD COLUMN IF NOT EXISTS name String DEFAULT '';
