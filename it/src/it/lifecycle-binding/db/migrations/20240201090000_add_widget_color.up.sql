-- +migrate Up
ALTER TABLE widgets ADD COLUMN color TEXT;

-- +migrate Down
ALTER TABLE widgets DROP COLUMN color;
