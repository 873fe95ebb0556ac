-- ClickHouse Migration: add_spans_model_and_cost_columns (down)

ALTER TABLE spans DROP INDEX IF EXISTS idx_spans_model_name;

ALTER TABLE spans DROP COLUMN IF EXISTS is_cached;
ALTER TABLE spans DROP COLUMN IF EXISTS total_cost;
ALTER TABLE spans DROP COLUMN IF EXISTS cost_details;
ALTER TABLE spans DROP COLUMN IF EXISTS usage_details;
ALTER TABLE spans DROP COLUMN IF EXISTS provider_name;
ALTER TABLE spans DROP COLUMN IF EXISTS model_name;
