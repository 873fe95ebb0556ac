DROP TYPE account_status;
CREATE TYPE account_status AS ENUM ('closed', 'active');
