-- Migration: add_organization_billing_fields (down)

ALTER TABLE organizations DROP CONSTRAINT IF EXISTS organizations_monthly_event_limit_check;
DROP INDEX IF EXISTS idx_organizations_stripe_customer_id;
ALTER TABLE organizations DROP COLUMN IF EXISTS billing_address;
ALTER TABLE organizations DROP COLUMN IF EXISTS monthly_event_limit;
ALTER TABLE organizations DROP COLUMN IF EXISTS trial_ends_at;
ALTER TABLE organizations DROP COLUMN IF EXISTS stripe_customer_id;
