-- Migration: create_gateway_configurations (down)

DROP TRIGGER IF EXISTS update_gateway_routing_rules_updated_at ON gateway_routing_rules;
DROP TRIGGER IF EXISTS update_gateway_provider_configs_updated_at ON gateway_provider_configs;
DROP INDEX IF EXISTS idx_gateway_routing_rules_match_conditions;
DROP INDEX IF EXISTS idx_gateway_routing_rules_project_priority;
DROP TABLE IF EXISTS gateway_routing_rules;
DROP INDEX IF EXISTS idx_gateway_provider_configs_enabled;
DROP INDEX IF EXISTS idx_gateway_provider_configs_project_id;
DROP TABLE IF EXISTS gateway_provider_configs;
