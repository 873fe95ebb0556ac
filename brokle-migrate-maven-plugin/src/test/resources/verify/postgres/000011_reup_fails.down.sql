-- leaves the table, so the up cannot run again
SELECT 1;
