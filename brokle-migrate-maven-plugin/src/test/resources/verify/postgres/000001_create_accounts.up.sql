-- the base every broken down below changes
CREATE TYPE account_status AS ENUM ('active', 'closed');
CREATE TABLE accounts (
    id BIGINT PRIMARY KEY,
    nickname TEXT,
    email TEXT NOT NULL CONSTRAINT accounts_email_key UNIQUE,
    is_saved BOOLEAN NOT NULL DEFAULT false
);
COMMENT ON TABLE accounts IS 'v1';
