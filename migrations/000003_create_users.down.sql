-- Migration: create_users (down)

DROP TRIGGER IF EXISTS update_users_updated_at ON users;
DROP INDEX IF EXISTS idx_users_default_organization_id;
DROP INDEX IF EXISTS idx_users_email_lower;
DROP TABLE IF EXISTS users;
