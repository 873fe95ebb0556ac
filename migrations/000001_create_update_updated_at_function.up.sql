-- Migration: create_update_updated_at_function
-- Created: 2024-01-08T09:00:00Z
--
-- Shared trigger function that keeps every table's updated_at column current.
-- Written in the single-file style: the Up and Down sections live in this file
-- and there is no 000001_create_update_updated_at_function.down.sql.

-- +migrate Up

-- +migrate StatementBegin
CREATE OR REPLACE FUNCTION update_updated_at_column()
RETURNS TRIGGER AS $$
BEGIN
    -- Only touch the column when the row really changed; a no-op UPDATE keeps its timestamp.
    IF NEW IS DISTINCT FROM OLD THEN
        NEW.updated_at = CURRENT_TIMESTAMP;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
-- +migrate StatementEnd

COMMENT ON FUNCTION update_updated_at_column() IS 'BEFORE UPDATE trigger: sets NEW.updated_at = CURRENT_TIMESTAMP; attach with FOR EACH ROW';

-- +migrate Down
DROP FUNCTION IF EXISTS update_updated_at_column();
