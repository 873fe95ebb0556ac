CREATE TABLE replicated_events ON CLUSTER brokle (id String) ENGINE = MergeTree ORDER BY id;
