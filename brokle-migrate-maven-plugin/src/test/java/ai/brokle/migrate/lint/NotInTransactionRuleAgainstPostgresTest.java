package ai.brokle.migrate.lint;

import ai.brokle.migrate.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * PG002 ("cannot run inside a transaction block") against the real PostgreSQL: each statement runs in a transaction
 * on the test server, and {@code validate} must flag it in a transactional file exactly when the server refuses it
 * there (SQLSTATE 25001).
 */
class NotInTransactionRuleAgainstPostgresTest {

    private static final String ACTIVE_SQL_TRANSACTION = "25001";
    private static Connection server;

    @TempDir
    Path dir;

    @BeforeAll
    static void createObjects() throws SQLException {
        server = TestPostgres.connect(TestPostgres.newDatabase("pg002"));
        try (Statement s = server.createStatement()) {
            s.execute("CREATE TABLE t (id int PRIMARY KEY, v int)");
            s.execute("CREATE INDEX t_v ON t (v)");
            s.execute("CREATE TABLE p (id int) PARTITION BY RANGE (id)");
            s.execute("CREATE TABLE p1 PARTITION OF p FOR VALUES FROM (0) TO (10)");
            s.execute("CREATE TYPE mood AS ENUM ('ok')");
            s.execute("CREATE MATERIALIZED VIEW mv AS SELECT id FROM t");
            s.execute("CREATE UNIQUE INDEX mv_id ON mv (id)");
        }
        server.setAutoCommit(false);
    }

    @AfterAll
    static void close() throws SQLException {
        server.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "CREATE INDEX CONCURRENTLY t_c1 ON t (v)",
            "create unique index concurrently t_c2 on t (id)",
            "CREATE INDEX t_c3 ON t (v)",
            "DROP INDEX CONCURRENTLY t_v",
            "DROP INDEX t_v",
            "REINDEX INDEX CONCURRENTLY t_v",
            "REINDEX TABLE t",
            "REINDEX SCHEMA public",
            "REINDEX (VERBOSE) SCHEMA public",
            "REINDEX SYSTEM",
            "VACUUM t",
            "VACUUM (ANALYZE) t",
            "vacuum",
            "ANALYZE t",
            "CREATE DATABASE pg002_other",
            "DROP DATABASE IF EXISTS pg002_other",
            "ALTER DATABASE postgres SET TABLESPACE pg_default",
            "ALTER DATABASE postgres SET work_mem = '4MB'",
            "CREATE TABLESPACE ts LOCATION '/nonexistent'",
            "DROP TABLESPACE IF EXISTS ts",
            "ALTER SYSTEM SET work_mem = '4MB'",
            "ALTER TABLE p DETACH PARTITION p1 CONCURRENTLY",
            "ALTER TABLE p DETACH PARTITION p1",
            "CLUSTER t USING t_pkey",
            "CLUSTER",
            "DISCARD ALL",
            "DISCARD TEMP",
            "ALTER TYPE mood ADD VALUE 'fine'",
            "REFRESH MATERIALIZED VIEW CONCURRENTLY mv",
            "/* a comment first */ VACUUM t",
    })
    void flaggedExactlyWhenPostgresRefusesItInATransaction(String sql) throws Exception {
        boolean refused = refusedInATransaction(sql);
        Files.writeString(dir.resolve("000001_x.up.sql"), sql + ";\n");
        Files.writeString(dir.resolve("000001_x.down.sql"), "SELECT 1;\n");
        boolean flagged = LintRulesTest.lint("postgres", dir, LintOptions.DEFAULT).findings().stream()
                .anyMatch(f -> f.ruleId().equals("PG002"));
        assertEquals(refused, flagged, () -> sql + (refused ? ": PostgreSQL refuses it in a transaction"
                : ": PostgreSQL runs it in a transaction"));
    }

    private static boolean refusedInATransaction(String sql) throws SQLException {
        try (Statement s = server.createStatement()) {
            s.execute(sql);
            return false;
        } catch (SQLException e) {
            return ACTIVE_SQL_TRANSACTION.equals(e.getSQLState());
        } finally {
            server.rollback();
        }
    }
}
