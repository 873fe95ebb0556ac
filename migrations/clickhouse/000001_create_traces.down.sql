-- ClickHouse Migration: create_traces (down)
DROP TABLE IF EXISTS traces;
