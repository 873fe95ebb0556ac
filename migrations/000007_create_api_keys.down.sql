-- Migration: create_api_keys (down)

DROP TRIGGER IF EXISTS update_api_keys_updated_at ON api_keys;
DROP INDEX IF EXISTS idx_api_keys_scopes;
DROP INDEX IF EXISTS idx_api_keys_active;
DROP INDEX IF EXISTS idx_api_keys_prefix;
DROP INDEX IF EXISTS idx_api_keys_project_id;
DROP TABLE IF EXISTS api_keys;
