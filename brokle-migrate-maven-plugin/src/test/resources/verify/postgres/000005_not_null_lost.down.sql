-- forgets SET NOT NULL
SELECT 1;
