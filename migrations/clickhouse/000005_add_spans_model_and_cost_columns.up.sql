-- ClickHouse Migration: add_spans_model_and_cost_columns
-- Created: 2024-03-11T12:00:00Z
--
-- Promote the most-queried gen_ai attributes out of the JSON string into real
-- columns, and index model_name for "all spans of model X" lookups.

ALTER TABLE spans ADD COLUMN IF NOT EXISTS model_name LowCardinality(String) DEFAULT '';
ALTER TABLE spans ADD COLUMN IF NOT EXISTS provider_name LowCardinality(String) DEFAULT '';
ALTER TABLE spans ADD COLUMN IF NOT EXISTS usage_details Map(String, UInt64);
ALTER TABLE spans ADD COLUMN IF NOT EXISTS cost_details Map(String, Decimal(18, 12));
ALTER TABLE spans ADD COLUMN IF NOT EXISTS total_cost Nullable(Decimal(18, 12));
ALTER TABLE spans ADD COLUMN IF NOT EXISTS is_cached Bool DEFAULT false;

ALTER TABLE spans ADD INDEX IF NOT EXISTS idx_spans_model_name model_name TYPE bloom_filter GRANULARITY 1;
