ALTER TABLE events MODIFY COLUMN kind FixedString(32);
