-- forgets DROP COLUMN source
SELECT 1;
