COMMENT ON TABLE accounts IS 'v2';
