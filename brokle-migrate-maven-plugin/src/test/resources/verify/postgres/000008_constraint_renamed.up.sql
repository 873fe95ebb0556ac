ALTER TABLE accounts DROP CONSTRAINT IF EXISTS accounts_email_key;
ALTER TABLE accounts DROP CONSTRAINT IF EXISTS accounts_email_unique;
