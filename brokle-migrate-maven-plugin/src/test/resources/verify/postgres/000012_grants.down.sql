REVOKE SELECT ON accounts FROM reporting;
