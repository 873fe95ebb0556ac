-- Migration: drop_note

ALTER TABLE old_things
    DROP COLUMN IF EXISTS note;
