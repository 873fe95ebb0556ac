-- ClickHouse Migration: create_gateway_request_logs (down)
DROP TABLE IF EXISTS gateway_request_logs;
