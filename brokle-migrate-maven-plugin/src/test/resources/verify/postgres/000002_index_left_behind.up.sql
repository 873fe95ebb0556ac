CREATE INDEX IF NOT EXISTS idx_accounts_saved ON accounts (is_saved);
