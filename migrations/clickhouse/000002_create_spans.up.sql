-- ClickHouse Migration: create_spans
-- Created: 2024-01-08T09:35:00Z
--
-- LLM call spans (OTEL-native). Every attribute lives in one JSON string with
-- namespace prefixes, e.g. {"gen_ai.request.model": "gpt-4o", "brokle.cost.total": 0.0021}.

CREATE TABLE IF NOT EXISTS spans (
    -- Core fields
    span_id String,
    trace_id String,
    parent_span_id Nullable(String),
    project_id String,
    organization_id String,

    span_name String,
    span_kind Enum8('UNSPECIFIED' = 0, 'INTERNAL' = 1, 'SERVER' = 2, 'CLIENT' = 3, 'PRODUCER' = 4, 'CONSUMER' = 5) DEFAULT 'INTERNAL',
    span_type LowCardinality(String) DEFAULT 'span',
    level LowCardinality(String) DEFAULT 'DEFAULT',

    -- OTEL-native: all attributes in one field with namespace prefixes
    attributes String DEFAULT '{}',
    -- OTEL metadata: {"resourceAttributes": {...}, "instrumentationScope": {...}}
    metadata String DEFAULT '{}',
    events Array(String),

    -- Timestamps
    start_time DateTime64(3),
    end_time Nullable(DateTime64(3)),
    duration_ms Nullable(UInt32),
    completion_start_time Nullable(DateTime64(3)),

    status_code Enum8('UNSET' = 0, 'OK' = 1, 'ERROR' = 2) DEFAULT 'UNSET',
    status_message Nullable(String),

    -- ZSTD compression for large fields
    input Nullable(String) CODEC(ZSTD(1)),
    output Nullable(String) CODEC(ZSTD(1)),

    -- Application version for A/B testing
    version Nullable(String),

    created_at DateTime64(3) DEFAULT now64(3),

    INDEX idx_spans_trace_id trace_id TYPE bloom_filter(0.001) GRANULARITY 1,
    INDEX idx_spans_parent_span_id parent_span_id TYPE bloom_filter(0.01) GRANULARITY 1
)
ENGINE = MergeTree()
PARTITION BY toYYYYMM(start_time)
ORDER BY (project_id, toDate(start_time), trace_id, span_id)
TTL toDateTime(start_time) + INTERVAL 365 DAY
SETTINGS index_granularity = 8192;
