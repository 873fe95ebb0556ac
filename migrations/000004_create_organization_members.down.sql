-- Migration: create_organization_members (down)

DROP TRIGGER IF EXISTS update_organization_members_updated_at ON organization_members;
DROP INDEX IF EXISTS idx_organization_members_role;
DROP INDEX IF EXISTS idx_organization_members_user_id;
DROP TABLE IF EXISTS organization_members;
