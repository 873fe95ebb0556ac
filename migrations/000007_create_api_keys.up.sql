-- Migration: create_api_keys
-- Created: 2024-01-10T08:30:00Z
--
-- Keys look like bk_<40 random chars>; only the SHA-256 hash is stored,
-- plus a short display prefix ("bk_AbCd") so users can tell keys apart.

CREATE TABLE IF NOT EXISTS api_keys (
    id VARCHAR(26) PRIMARY KEY,
    project_id VARCHAR(26) NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    created_by CHAR(26) REFERENCES users(id) ON DELETE SET NULL,
    name VARCHAR(255) NOT NULL,
    key_hash VARCHAR(64) NOT NULL,
    prefix VARCHAR(16) NOT NULL,
    scopes TEXT[] NOT NULL DEFAULT ARRAY['traces:write']::TEXT[],
    rate_limit_rpm INTEGER,
    is_active BOOLEAN NOT NULL DEFAULT TRUE,
    expires_at TIMESTAMPTZ,
    last_used_at TIMESTAMPTZ,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT api_keys_key_hash_key UNIQUE (key_hash),
    CONSTRAINT api_keys_rate_limit_check CHECK (rate_limit_rpm IS NULL OR rate_limit_rpm > 0)
);

CREATE INDEX IF NOT EXISTS idx_api_keys_project_id ON api_keys(project_id);
CREATE INDEX IF NOT EXISTS idx_api_keys_prefix ON api_keys(prefix);
CREATE INDEX IF NOT EXISTS idx_api_keys_active ON api_keys(project_id, expires_at) WHERE is_active = TRUE;
CREATE INDEX IF NOT EXISTS idx_api_keys_scopes ON api_keys USING GIN (scopes);

CREATE TRIGGER update_api_keys_updated_at
    BEFORE UPDATE ON api_keys
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column()
