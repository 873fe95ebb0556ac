-- ClickHouse Migration: create_gateway_request_logs
-- Created: 2024-04-02T15:30:00Z
--
-- One row per request proxied by the AI gateway.
-- (This file intentionally ends without a trailing semicolon.)

CREATE TABLE IF NOT EXISTS gateway_request_logs (
    id String,
    organization_id String,
    project_id String,
    api_key_id String,
    provider_config_id Nullable(String),
    routing_rule_id Nullable(String),

    provider LowCardinality(String),
    model LowCardinality(String),
    endpoint LowCardinality(String) DEFAULT '/v1/chat/completions',
    status Enum8('success' = 1, 'error' = 2, 'timeout' = 3, 'rate_limited' = 4, 'canceled' = 5),
    http_status UInt16,
    is_streaming Bool DEFAULT false,
    cache_hit Bool DEFAULT false,
    fallback_chain Array(String),

    request_ts DateTime64(3),
    latency_ms UInt32,
    time_to_first_token_ms Nullable(UInt32),

    input_tokens UInt32 DEFAULT 0,
    output_tokens UInt32 DEFAULT 0,
    cost_usd Decimal(18, 9) DEFAULT 0,

    request_headers Map(String, String),
    error_message Nullable(String) CODEC(ZSTD(1)),
    metadata String DEFAULT '{}',
    created_at DateTime64(3) DEFAULT now64(3),

    INDEX idx_gateway_request_logs_api_key api_key_id TYPE bloom_filter(0.01) GRANULARITY 1
)
ENGINE = MergeTree()
PARTITION BY toYYYYMM(request_ts)
ORDER BY (organization_id, project_id, request_ts)
TTL toDateTime(request_ts) + INTERVAL 365 DAY
SETTINGS index_granularity = 8192
