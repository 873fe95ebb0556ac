-- ClickHouse Migration: events

CREATE TABLE IF NOT EXISTS events (
    id String,
    ts DateTime64(3)
)
ENGINE = MergeTree ORDER BY id;
