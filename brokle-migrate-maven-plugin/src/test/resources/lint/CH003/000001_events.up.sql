CREATE TABLE IF NOT EXISTS events (
    id String,
    user_id Nullable(String),
    ts DateTime64(3)
)
ENGINE = MergeTree
ORDER BY (user_id, ts)
TTL toDateTime(ts) + INTERVAL 30 DAY;
