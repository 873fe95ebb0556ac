-- ClickHouse Migration: name_required

ALTER TABLE events MODIFY COLUMN name String;
