-- Migration: things
CREATE TABLE things (
    id INT
);
