-- ClickHouse Migration: create_project_usage_daily_mv
-- Created: 2024-03-18T09:00:00Z
--
-- Daily per-project, per-model usage roll-up fed by a materialized view on spans.
-- The view only sees rows inserted after it exists (no POPULATE on purpose).

CREATE TABLE IF NOT EXISTS project_usage_daily (
    project_id String,
    organization_id String,
    day Date,
    model_name LowCardinality(String),
    span_count UInt64,
    error_count UInt64,
    input_tokens UInt64,
    output_tokens UInt64,
    total_cost Decimal(38, 12)
)
ENGINE = SummingMergeTree((span_count, error_count, input_tokens, output_tokens, total_cost))
PARTITION BY toYYYYMM(day)
ORDER BY (project_id, organization_id, day, model_name)
TTL toDateTime(day) + INTERVAL 365 DAY
SETTINGS index_granularity = 8192;

CREATE MATERIALIZED VIEW IF NOT EXISTS project_usage_daily_mv
TO project_usage_daily
AS SELECT
    project_id,
    organization_id,
    toDate(start_time) AS day,
    model_name,
    count() AS span_count,
    countIf(status_code = 'ERROR') AS error_count,
    sum(usage_details['input']) AS input_tokens,
    sum(usage_details['output']) AS output_tokens,
    sum(ifNull(total_cost, toDecimal64(0, 12))) AS total_cost
FROM spans
GROUP BY project_id, organization_id, day, model_name;

-- Query with: SELECT day, sum(span_count), sum(total_cost) FROM project_usage_daily
-- WHERE project_id = {project_id:String} GROUP BY day ORDER BY day; (always re-aggregate)
