CREATE TABLE IF NOT EXISTS events (
    id String,
    ts DateTime
)
ENGINE = MergeTree ORDER BY id
TTL ts + INTERVAL 30 DAY;
