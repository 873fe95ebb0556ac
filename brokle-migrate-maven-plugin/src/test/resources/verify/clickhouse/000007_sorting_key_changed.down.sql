CREATE TABLE totals (day Date, n UInt64) ENGINE = SummingMergeTree ORDER BY (day, n);
