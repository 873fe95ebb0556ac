-- ClickHouse Migration: create_blob_storage_file_log (down)
ALTER TABLE blob_storage_file_log DROP INDEX IF EXISTS idx_blob_storage_bucket_path;
DROP TABLE IF EXISTS blob_storage_file_log;
