-- Migration: create_projects
-- Created: 2024-01-09T14:00:00Z

CREATE TABLE IF NOT EXISTS projects (
    id VARCHAR(26) PRIMARY KEY,
    organization_id VARCHAR(26) NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    name VARCHAR(255) NOT NULL,
    slug VARCHAR(255) NOT NULL,
    description TEXT,
    environment VARCHAR(50) NOT NULL DEFAULT 'development',
    retention_days INTEGER NOT NULL DEFAULT 365,
    settings JSONB NOT NULL DEFAULT '{}'::jsonb,
    is_archived BOOLEAN NOT NULL DEFAULT FALSE,
    created_by CHAR(26) REFERENCES users(id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT projects_environment_check CHECK (environment IN ('development', 'staging', 'production')),
    CONSTRAINT projects_retention_days_check CHECK (retention_days BETWEEN 1 AND 3650),
    CONSTRAINT projects_organization_slug_key UNIQUE (organization_id, slug)
);

CREATE INDEX IF NOT EXISTS idx_projects_organization_id ON projects(organization_id);
CREATE INDEX IF NOT EXISTS idx_projects_active ON projects(organization_id, environment) WHERE is_archived = FALSE;

CREATE TRIGGER update_projects_updated_at
    BEFORE UPDATE ON projects
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();
