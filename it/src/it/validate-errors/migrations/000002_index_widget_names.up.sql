-- Migration: index_widget_names
-- Runs in a transaction (no notransaction marker), where PostgreSQL refuses CONCURRENTLY.

CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_widgets_name ON widgets (name);
