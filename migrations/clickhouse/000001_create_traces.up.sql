-- ClickHouse Migration: create_traces
-- Created: 2024-01-08T09:30:00Z
--
-- One row per trace. Rows are re-inserted when a trace is updated (late spans,
-- output, cost roll-ups); ReplacingMergeTree keeps the row with the newest updated_at.

CREATE TABLE IF NOT EXISTS traces (
    -- Identity
    id String,
    project_id String,
    organization_id String,

    -- Descriptive fields
    name String,
    user_id Nullable(String),
    session_id Nullable(String),
    environment LowCardinality(String) DEFAULT 'default',
    release Nullable(String),
    version Nullable(String),
    tags Array(String),

    -- OTEL-native attributes / metadata, stored as JSON strings
    attributes String DEFAULT '{}',
    metadata String DEFAULT '{}',
    resource_attributes Map(String, String),

    -- Large payloads
    input Nullable(String) CODEC(ZSTD(1)),
    output Nullable(String) CODEC(ZSTD(1)),

    -- Timing and roll-ups
    start_time DateTime64(3),
    end_time Nullable(DateTime64(3)),
    duration_ms Nullable(UInt32),
    status_code Enum8('UNSET' = 0, 'OK' = 1, 'ERROR' = 2) DEFAULT 'UNSET',
    span_count UInt32 DEFAULT 0,
    total_tokens UInt64 DEFAULT 0,
    total_cost Nullable(Decimal(18, 12)),
    bookmarked Bool DEFAULT false,
    public Bool DEFAULT false,

    created_at DateTime64(3) DEFAULT now64(3),
    updated_at DateTime64(3) DEFAULT now64(3),

    INDEX idx_traces_id id TYPE bloom_filter(0.001) GRANULARITY 1,
    INDEX idx_traces_session_id session_id TYPE bloom_filter(0.01) GRANULARITY 1,
    INDEX idx_traces_user_id user_id TYPE bloom_filter(0.01) GRANULARITY 1
)
ENGINE = ReplacingMergeTree(updated_at)
PARTITION BY toYYYYMM(start_time)
ORDER BY (project_id, toDate(start_time), id)
TTL toDateTime(start_time) + INTERVAL 365 DAY
SETTINGS index_granularity = 8192;
