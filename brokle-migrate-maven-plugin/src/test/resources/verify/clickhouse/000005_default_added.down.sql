ALTER TABLE events MODIFY COLUMN amount Nullable(Float64) DEFAULT 2;
