-- ClickHouse Migration: create_quality_scores
-- Created: 2024-01-22T13:00:00Z
--
-- Model / output quality metrics (evaluator runs, human annotation, API).
-- Note the column comments: they contain ';' inside string literals on purpose.

CREATE TABLE IF NOT EXISTS quality_scores (
    id String,
    project_id String,
    trace_id String,
    span_id Nullable(String),
    session_id Nullable(String),

    name LowCardinality(String),
    value Nullable(Float64) COMMENT 'Numeric value; NULL for CATEGORICAL scores',
    string_value Nullable(String) COMMENT 'Label for CATEGORICAL; "true"/"false" for BOOLEAN',
    data_type Enum8('NUMERIC' = 1, 'CATEGORICAL' = 2, 'BOOLEAN' = 3),
    source Enum8('API' = 1, 'EVAL' = 2, 'ANNOTATION' = 3),
    comment Nullable(String) CODEC(ZSTD(1)),

    evaluator_name Nullable(String),
    evaluator_version Nullable(String),
    evaluator_config String DEFAULT '{}',
    author_user_id Nullable(String),
    metadata String DEFAULT '{}',
    separator String DEFAULT ';' COMMENT 'Delimiter for multi-label string_value; e.g. toxic;insult',

    timestamp DateTime64(3),
    created_at DateTime64(3) DEFAULT now64(3),
    updated_at DateTime64(3) DEFAULT now64(3),

    INDEX idx_quality_scores_trace_id trace_id TYPE bloom_filter(0.001) GRANULARITY 1
)
ENGINE = ReplacingMergeTree(updated_at)
PARTITION BY toYYYYMM(timestamp)
ORDER BY (project_id, name, toDate(timestamp), id)
TTL toDateTime(timestamp) + INTERVAL 365 DAY
SETTINGS index_granularity = 8192;
