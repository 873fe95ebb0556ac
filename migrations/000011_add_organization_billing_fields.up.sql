-- Migration: add_organization_billing_fields
-- Created: 2024-03-04T10:15:00Z

ALTER TABLE organizations ADD COLUMN IF NOT EXISTS stripe_customer_id VARCHAR(255);
ALTER TABLE organizations ADD COLUMN IF NOT EXISTS trial_ends_at TIMESTAMP;
ALTER TABLE organizations ADD COLUMN IF NOT EXISTS monthly_event_limit BIGINT NOT NULL DEFAULT 50000;
ALTER TABLE organizations ADD COLUMN IF NOT EXISTS billing_address JSONB NOT NULL DEFAULT '{}'::jsonb;

CREATE UNIQUE INDEX IF NOT EXISTS idx_organizations_stripe_customer_id
    ON organizations(stripe_customer_id)
    WHERE stripe_customer_id IS NOT NULL;

ALTER TABLE organizations DROP CONSTRAINT IF EXISTS organizations_monthly_event_limit_check;
ALTER TABLE organizations ADD CONSTRAINT organizations_monthly_event_limit_check CHECK (monthly_event_limit >= 0);
