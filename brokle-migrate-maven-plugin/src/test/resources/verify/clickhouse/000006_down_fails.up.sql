ALTER TABLE events ADD COLUMN score Float64;
