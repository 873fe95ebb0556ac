-- Migration: create_organizations (down)

DROP TRIGGER IF EXISTS update_organizations_updated_at ON organizations;
DROP INDEX IF EXISTS idx_organizations_deleted_at;
DROP INDEX IF EXISTS idx_organizations_plan;
DROP TABLE IF EXISTS organizations;
DROP TYPE IF EXISTS organization_plan;
