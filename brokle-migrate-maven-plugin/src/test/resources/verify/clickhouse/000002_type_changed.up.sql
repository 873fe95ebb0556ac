ALTER TABLE events MODIFY COLUMN kind LowCardinality(String);
