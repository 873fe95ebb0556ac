-- ClickHouse Migration: create_spans (down)
DROP TABLE IF EXISTS spans;
