ALTER TABLE events MODIFY COLUMN name Nullable(String);
