-- Migration: token

ALTER TABLE users ADD COLUMN IF NOT EXISTS token UUID DEFAULT gen_random_uuid();
