COMMENT ON TABLE accounts IS 'version one';
