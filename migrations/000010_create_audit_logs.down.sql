-- Migration: create_audit_logs (down)

DROP INDEX IF EXISTS idx_audit_logs_user_id;
DROP INDEX IF EXISTS idx_audit_logs_resource;
DROP INDEX IF EXISTS idx_audit_logs_org_created_at;
DROP TABLE IF EXISTS audit_logs;
