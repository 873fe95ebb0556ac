-- ClickHouse Migration: create_blob_storage_file_log
-- Created: 2024-02-05T08:00:00Z
--
-- Which payloads were offloaded to object storage (S3/GCS) and where.
-- Soft delete: insert a row with is_deleted = 1 and a newer event_ts.

CREATE TABLE IF NOT EXISTS blob_storage_file_log (
    id String,
    project_id String,
    entity_type Enum8('trace' = 1, 'span' = 2, 'quality_score' = 3),
    entity_id String,
    event_id String,
    bucket_name String,
    bucket_path String,
    content_type LowCardinality(String) DEFAULT 'application/json',
    size_bytes UInt64 DEFAULT 0,
    checksum_sha256 Nullable(String),
    event_ts DateTime64(3),
    is_deleted UInt8 DEFAULT 0,
    created_at DateTime64(3) DEFAULT now64(3),
    updated_at DateTime64(3) DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree(event_ts, is_deleted)
PARTITION BY toYYYYMM(created_at)
ORDER BY (project_id, entity_type, entity_id, event_id)
TTL toDateTime(created_at) + INTERVAL 365 DAY
SETTINGS index_granularity = 8192;

ALTER TABLE blob_storage_file_log ADD INDEX IF NOT EXISTS idx_blob_storage_bucket_path bucket_path TYPE bloom_filter(0.01) GRANULARITY 1;
