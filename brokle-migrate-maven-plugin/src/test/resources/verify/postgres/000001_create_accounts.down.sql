DROP TABLE accounts;
DROP TYPE account_status;
