-- ClickHouse Migration: create_project_usage_daily_mv (down)
-- Drop the view first so no insert into spans can write to a missing table.

DROP VIEW IF EXISTS project_usage_daily_mv;
DROP TABLE IF EXISTS project_usage_daily;
