-- brokle-migrate:ignore XX999
SELECT 1;
