-- Migration: create_things

CREATE TABLE IF NOT EXISTS things (id INT);
