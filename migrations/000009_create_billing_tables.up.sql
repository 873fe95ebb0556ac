-- Migration: create_billing_tables
-- Created: 2024-02-01T09:00:00Z
--
-- Subscriptions, metered usage and invoices. Money is NUMERIC, never float.

CREATE TYPE subscription_status AS ENUM ('trialing', 'active', 'past_due', 'canceled', 'unpaid');

CREATE TABLE IF NOT EXISTS subscriptions (
    id CHAR(26) PRIMARY KEY,
    organization_id VARCHAR(26) NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    plan organization_plan NOT NULL,
    status subscription_status NOT NULL DEFAULT 'trialing',
    billing_cycle VARCHAR(10) NOT NULL DEFAULT 'monthly',
    amount NUMERIC(12, 2) NOT NULL DEFAULT 0,
    currency CHAR(3) NOT NULL DEFAULT 'USD',
    included_events BIGINT NOT NULL DEFAULT 50000,
    current_period_start TIMESTAMPTZ NOT NULL,
    current_period_end TIMESTAMPTZ NOT NULL,
    trial_ends_at TIMESTAMPTZ,
    cancel_at_period_end BOOLEAN NOT NULL DEFAULT FALSE,
    canceled_at TIMESTAMPTZ,
    stripe_subscription_id VARCHAR(255),
    metadata JSONB NOT NULL DEFAULT '{}'::jsonb,
    created_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT subscriptions_billing_cycle_check CHECK (billing_cycle IN ('monthly', 'yearly')),
    CONSTRAINT subscriptions_amount_check CHECK (amount >= 0),
    CONSTRAINT subscriptions_period_check CHECK (current_period_end > current_period_start),
    CONSTRAINT subscriptions_stripe_subscription_id_key UNIQUE (stripe_subscription_id)
);

CREATE INDEX IF NOT EXISTS idx_subscriptions_organization_id ON subscriptions(organization_id);
-- At most one live subscription per organization.
CREATE UNIQUE INDEX IF NOT EXISTS idx_subscriptions_one_live_per_org
    ON subscriptions(organization_id)
    WHERE status IN ('trialing', 'active', 'past_due');

CREATE TABLE IF NOT EXISTS usage_records (
    id VARCHAR(26) PRIMARY KEY,
    organization_id VARCHAR(26) NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    project_id VARCHAR(26) REFERENCES projects(id) ON DELETE CASCADE,
    subscription_id CHAR(26) REFERENCES subscriptions(id) ON DELETE SET NULL,
    usage_type VARCHAR(50) NOT NULL,
    quantity BIGINT NOT NULL DEFAULT 0,
    unit_price NUMERIC(14, 8) NOT NULL DEFAULT 0,
    total_cost NUMERIC(14, 6) NOT NULL DEFAULT 0,
    period_start TIMESTAMPTZ NOT NULL,
    period_end TIMESTAMPTZ NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    metadata JSONB NOT NULL DEFAULT '{}'::jsonb,
    CONSTRAINT usage_records_usage_type_check CHECK (usage_type IN ('traces', 'spans', 'quality_scores', 'gateway_requests', 'input_tokens', 'output_tokens', 'storage_gb')),
    CONSTRAINT usage_records_quantity_check CHECK (quantity >= 0)
);

CREATE INDEX IF NOT EXISTS idx_usage_records_org_period ON usage_records(organization_id, period_start DESC);
CREATE INDEX IF NOT EXISTS idx_usage_records_project_id ON usage_records(project_id) WHERE project_id IS NOT NULL;

CREATE TABLE IF NOT EXISTS invoices (
    id VARCHAR(26) PRIMARY KEY,
    organization_id VARCHAR(26) NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
    subscription_id CHAR(26) REFERENCES subscriptions(id) ON DELETE SET NULL,
    invoice_number VARCHAR(32) NOT NULL,
    status VARCHAR(20) NOT NULL DEFAULT 'draft',
    currency CHAR(3) NOT NULL DEFAULT 'USD',
    subtotal NUMERIC(12, 2) NOT NULL DEFAULT 0,
    tax NUMERIC(12, 2) NOT NULL DEFAULT 0,
    discount NUMERIC(12, 2) NOT NULL DEFAULT 0,
    total NUMERIC(12, 2) NOT NULL DEFAULT 0,
    line_items JSONB NOT NULL DEFAULT '[]'::jsonb,
    period_start TIMESTAMPTZ,
    period_end TIMESTAMPTZ,
    issued_at TIMESTAMPTZ,
    due_at TIMESTAMPTZ,
    paid_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT invoices_invoice_number_key UNIQUE (invoice_number),
    CONSTRAINT invoices_status_check CHECK (status IN ('draft', 'open', 'paid', 'void', 'uncollectible')),
    CONSTRAINT invoices_total_check CHECK (total = subtotal + tax - discount)
);

CREATE INDEX IF NOT EXISTS idx_invoices_organization_id ON invoices(organization_id, issued_at DESC);
CREATE INDEX IF NOT EXISTS idx_invoices_open ON invoices(due_at) WHERE status = 'open';

CREATE TRIGGER update_subscriptions_updated_at
    BEFORE UPDATE ON subscriptions
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

CREATE TRIGGER update_invoices_updated_at
    BEFORE UPDATE ON invoices
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

COMMENT ON COLUMN invoices.line_items IS 'JSON array; each item: description; quantity; unit_amount; amount';
