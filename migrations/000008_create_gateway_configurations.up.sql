-- Migration: create_gateway_configurations
-- Created: 2024-01-15T10:00:00Z
--
-- AI gateway: per-project upstream provider credentials and routing rules.

CREATE TABLE IF NOT EXISTS gateway_provider_configs (
    id VARCHAR(26) PRIMARY KEY,
    project_id VARCHAR(26) NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    provider VARCHAR(50) NOT NULL,
    name VARCHAR(255) NOT NULL,
    base_url TEXT,
    api_key_encrypted TEXT,
    models TEXT[] NOT NULL DEFAULT '{}',
    settings JSONB NOT NULL DEFAULT '{}'::jsonb,
    priority INTEGER NOT NULL DEFAULT 100,
    is_enabled BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT gateway_provider_configs_provider_check CHECK (provider IN ('openai', 'anthropic', 'azure_openai', 'google_vertex', 'aws_bedrock', 'mistral', 'cohere', 'ollama', 'custom')),
    CONSTRAINT gateway_provider_configs_project_name_key UNIQUE (project_id, name)
);

CREATE INDEX IF NOT EXISTS idx_gateway_provider_configs_project_id ON gateway_provider_configs(project_id);
CREATE INDEX IF NOT EXISTS idx_gateway_provider_configs_enabled ON gateway_provider_configs(project_id, priority) WHERE is_enabled = TRUE;

CREATE TABLE IF NOT EXISTS gateway_routing_rules (
    id VARCHAR(26) PRIMARY KEY,
    project_id VARCHAR(26) NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    name VARCHAR(255) NOT NULL,
    description TEXT,
    strategy VARCHAR(32) NOT NULL DEFAULT 'priority',
    match_conditions JSONB NOT NULL DEFAULT '{}'::jsonb,
    targets JSONB NOT NULL DEFAULT '[]'::jsonb,
    fallback_config JSONB NOT NULL DEFAULT '{}'::jsonb,
    priority INTEGER NOT NULL DEFAULT 0,
    is_enabled BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT gateway_routing_rules_strategy_check CHECK (strategy IN ('priority', 'round_robin', 'weighted', 'least_latency', 'least_cost', 'fallback')),
    CONSTRAINT gateway_routing_rules_targets_is_array CHECK (jsonb_typeof(targets) = 'array')
);

CREATE INDEX IF NOT EXISTS idx_gateway_routing_rules_project_priority ON gateway_routing_rules(project_id, priority DESC);
CREATE INDEX IF NOT EXISTS idx_gateway_routing_rules_match_conditions ON gateway_routing_rules USING GIN (match_conditions);

CREATE TRIGGER update_gateway_provider_configs_updated_at
    BEFORE UPDATE ON gateway_provider_configs
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

CREATE TRIGGER update_gateway_routing_rules_updated_at
    BEFORE UPDATE ON gateway_routing_rules
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

COMMENT ON COLUMN gateway_provider_configs.api_key_encrypted IS 'AES-256-GCM ciphertext, base64; never the plain provider key';
COMMENT ON COLUMN gateway_routing_rules.targets IS 'Ordered JSON array of {"provider_config_id": ..., "weight": ...}';
