ALTER TYPE account_status ADD VALUE 'archived';
