DROP TABLE totals;
DROP TABLE events;
