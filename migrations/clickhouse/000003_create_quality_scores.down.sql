-- ClickHouse Migration: create_quality_scores (down)
DROP TABLE IF EXISTS quality_scores;
