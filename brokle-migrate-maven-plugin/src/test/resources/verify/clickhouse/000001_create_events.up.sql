CREATE TABLE events (id String, kind String, amount Nullable(Float64), note String COMMENT 'n')
ENGINE = MergeTree ORDER BY id;
CREATE TABLE totals (day Date, n UInt64) ENGINE = SummingMergeTree ORDER BY day;
