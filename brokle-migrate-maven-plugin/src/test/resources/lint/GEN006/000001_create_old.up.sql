CREATE TABLE IF NOT EXISTS old_things (id INT, note TEXT);
