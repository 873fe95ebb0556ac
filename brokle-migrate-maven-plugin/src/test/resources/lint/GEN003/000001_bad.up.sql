-- Migration: bad
CREATE TABLE IF NOT EXISTS caf (id INT);
COMMENT ON TABLE caf IS 'café';
