package ai.brokle.migrate.dialect;

import ai.brokle.migrate.dialect.clickhouse.ClickHouseDialect;
import ai.brokle.migrate.dialect.postgres.PostgresDialect;
import ai.brokle.migrate.sql.SqlStatement;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which statements verify must not run on a scratch database, and scratch URLs. */
class VerifyIsolationTest {

    private static Optional<String> postgres(String sql) {
        return new PostgresDialect().notVerifiableAlone(List.of(new SqlStatement(1, 3, sql)));
    }

    private static Optional<String> clickhouse(String sql) {
        return new ClickHouseDialect().notVerifiableAlone(List.of(new SqlStatement(1, 3, sql)));
    }

    @Test
    void postgresRolesAndDatabasesAreNotVerifiable() {
        assertTrue(postgres("CREATE ROLE reporting").orElseThrow().startsWith("line 3: changes a ROLE"));
        assertTrue(postgres("GRANT SELECT ON users TO reporting").orElseThrow().contains("GRANT names roles"));
        assertTrue(postgres("ALTER TABLE users OWNER TO app").isPresent());
        assertTrue(postgres("ALTER DATABASE brokle SET timezone = 'UTC'").isPresent());
        assertEquals(Optional.empty(), postgres("CREATE TABLE users (id int, role text, database_name text)"));
        assertEquals(Optional.empty(), postgres("-- GRANT later\nCREATE TABLE grants (id int)"));
        assertEquals(Optional.empty(), postgres("COMMENT ON TABLE users IS 'GRANT SELECT ... TO x'"));
    }

    /** What changes the server itself, or reaches another server, never runs on the scratch database either. */
    @Test
    void postgresServerSettingsAndOtherServersAreNotVerifiable() {
        assertTrue(postgres("ALTER SYSTEM SET work_mem = '64MB'").orElseThrow().contains("ALTER SYSTEM"));
        assertTrue(postgres("CREATE SUBSCRIPTION s CONNECTION 'host=db' PUBLICATION p").orElseThrow()
                .contains("CREATE SUBSCRIPTION"));
        assertTrue(postgres("CREATE SERVER other FOREIGN DATA WRAPPER postgres_fdw").orElseThrow()
                .contains("CREATE SERVER"));
        assertTrue(postgres("IMPORT FOREIGN SCHEMA public FROM SERVER other INTO remote").isPresent());
        assertEquals(Optional.empty(), postgres("CREATE TABLE servers (id int, system text)"));
    }

    @Test
    void clickhouseServerWideObjectsAreNotVerifiable() {
        assertTrue(clickhouse("CREATE FUNCTION IF NOT EXISTS plus_one AS (x) -> x + 1").orElseThrow()
                .contains("CREATE FUNCTION changes an object of the whole server"));
        assertTrue(clickhouse("DROP FUNCTION IF EXISTS plus_one").isPresent());
        assertTrue(clickhouse("CREATE OR REPLACE FUNCTION plus_one AS (x) -> x + 1").isPresent());
        assertTrue(clickhouse("CREATE ROW POLICY p ON spans USING 1 TO ALL").isPresent());
        assertTrue(clickhouse("CREATE USER IF NOT EXISTS reader").isPresent());
        assertTrue(clickhouse("GRANT SELECT ON spans TO reader").orElseThrow().contains("GRANT names users or roles"));
        assertEquals(Optional.empty(), clickhouse("CREATE TABLE t (x AggregateFunction(sum, UInt64)) "
                + "ENGINE = AggregatingMergeTree ORDER BY tuple()"));
        assertEquals(Optional.empty(), clickhouse("SELECT 'CREATE FUNCTION f' AS text"));
    }

    @Test
    void clickhouseClustersAndOtherDatabasesAreNotVerifiable() {
        assertTrue(clickhouse("CREATE TABLE t ON CLUSTER brokle (id String) ENGINE = MergeTree ORDER BY id")
                .orElseThrow().contains("ON CLUSTER runs on every node"));
        assertTrue(clickhouse("CREATE MATERIALIZED VIEW mv TO analytics.totals AS SELECT 1")
                .orElseThrow().contains("analytics.totals names a table of another database"));
        assertTrue(clickhouse("CREATE DATABASE IF NOT EXISTS analytics").isPresent());
        assertEquals(Optional.empty(), clickhouse("CREATE VIEW v AS SELECT s.id FROM spans AS s JOIN traces t "
                + "ON s.trace_id = t.id"));
        assertEquals(Optional.empty(), clickhouse("SELECT name FROM system.tables"));
    }

    @Test
    void scratchUrlsReplaceTheDatabaseOnly() {
        assertEquals("jdbc:postgresql://db:5432/brokle_verify_x?sslmode=disable",
                ScratchDatabases.withDatabase("jdbc:postgresql://db:5432/brokle?sslmode=disable", "brokle_verify_x"));
        assertEquals("jdbc:clickhouse:http://127.0.0.1:8123/brokle_verify_x",
                ScratchDatabases.withDatabase("jdbc:clickhouse:http://127.0.0.1:8123/default", "brokle_verify_x"));
        assertEquals("jdbc:postgresql://db:5432/brokle_verify_x",
                ScratchDatabases.withDatabase("jdbc:postgresql://db:5432", "brokle_verify_x"));
    }
}
