package ai.brokle.migrate.engine;

import ai.brokle.migrate.testing.TestPostgres;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.Map;

/**
 * What verify sees on a real PostgreSQL: each statement changes the schema in a way a forgotten down leaves behind
 * (its down does nothing), so verify must report the migration, whatever the kind of object; with the down that
 * undoes it, verify must report nothing.
 */
class PostgresVerifySensitivityTest {

    private static final String BASE = """
            CREATE TABLE t (id int PRIMARY KEY, c text, n int);
            CREATE TABLE t2 (id int);
            CREATE TABLE t4 (id int);
            CREATE INDEX t_c ON t (c);
            CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';
            CREATE SEQUENCE s;
            CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
            CREATE TRIGGER t_touch BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION touch();
            CREATE POLICY p_base ON t USING (n > 0);
            CREATE RULE r_base AS ON DELETE TO t2 DO INSTEAD NOTHING;
            CREATE STATISTICS st_base ON c, n FROM t;
            CREATE VIEW v_base AS SELECT id FROM t;
            CREATE PUBLICATION pub_base FOR TABLE t4;
            """;
    private static final String BASE_DOWN = "DROP PUBLICATION pub_base; DROP VIEW v_base; DROP STATISTICS st_base; "
            + "DROP RULE r_base ON t2; DROP POLICY p_base ON t; DROP TRIGGER t_touch ON t; DROP FUNCTION touch(); "
            + "DROP SEQUENCE s; DROP FUNCTION f(); DROP TABLE t4; DROP TABLE t2; DROP TABLE t;\n";

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "ALTER TABLE t ADD COLUMN extra int",
            "ALTER TABLE t ALTER COLUMN c SET DEFAULT 'x'",
            "CREATE INDEX t_n ON t (n) WHERE n > 0",
            "ALTER TABLE t ADD CONSTRAINT t_n_positive CHECK (n > 0) NOT VALID",
            "CREATE VIEW v AS SELECT id FROM t",
            "CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 2'",
            "ALTER FUNCTION f() SET search_path = public",
            "ALTER SEQUENCE s INCREMENT BY 5",
            "CREATE SCHEMA extra",
            "CREATE TYPE mood AS ENUM ('ok')",
            "COMMENT ON TABLE t IS 'x'",
            "ALTER TABLE t ENABLE ROW LEVEL SECURITY",
            "CREATE POLICY p ON t USING (n > 0)",
            "CREATE RULE r AS ON INSERT TO t2 DO INSTEAD NOTHING",
            "CREATE STATISTICS st ON c, n FROM t",
            "ALTER TABLE t SET (fillfactor = 70)",
            "ALTER INDEX t_c SET (fillfactor = 50)",
            "ALTER TABLE t2 SET UNLOGGED",
            "ALTER TABLE t2 REPLICA IDENTITY FULL",
            "ALTER TABLE t ALTER COLUMN c SET STORAGE EXTERNAL",
            "ALTER TABLE t ALTER COLUMN n SET STATISTICS 500",
            "ALTER TABLE t2 INHERIT t",
            "CREATE PUBLICATION pub FOR TABLE t",
            "CREATE COLLATION ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false)",
            "CREATE TABLE t3 (id int) PARTITION BY RANGE (id)",
            "ALTER TABLE t DISABLE TRIGGER t_touch",
            "ALTER TABLE t ENABLE ALWAYS TRIGGER t_touch",
            "ALTER TABLE t CLUSTER ON t_c",
            "ALTER TABLE t ALTER COLUMN n SET (n_distinct = 100)",
            "DROP POLICY IF EXISTS p_base ON t",
            "ALTER POLICY p_base ON t USING (n > 5)",
            "DROP RULE IF EXISTS r_base ON t2",
            "DROP STATISTICS IF EXISTS st_base",
            "ALTER STATISTICS st_base SET STATISTICS 10",
            "ALTER VIEW v_base SET (security_barrier = true)",
            "DROP PUBLICATION IF EXISTS pub_base",
            "ALTER PUBLICATION pub_base ADD TABLE t",
    })
    void aDownThatLeavesTheChangeIsReported(String change) throws Exception {
        VerifySamples.assertReported(verify(change, "SELECT 1"), "000002_change", change);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "ALTER TABLE t ENABLE ROW LEVEL SECURITY | ALTER TABLE t DISABLE ROW LEVEL SECURITY",
            "ALTER TABLE t SET (fillfactor = 70) | ALTER TABLE t RESET (fillfactor)",
            "ALTER TABLE t2 SET UNLOGGED | ALTER TABLE t2 SET LOGGED",
            "ALTER TABLE t2 REPLICA IDENTITY FULL | ALTER TABLE t2 REPLICA IDENTITY DEFAULT",
            "ALTER TABLE t ALTER COLUMN c SET STORAGE EXTERNAL | ALTER TABLE t ALTER COLUMN c SET STORAGE EXTENDED",
            "ALTER TABLE t ALTER COLUMN n SET STATISTICS 500 | ALTER TABLE t ALTER COLUMN n SET STATISTICS -1",
            "ALTER TABLE t ALTER COLUMN c SET COMPRESSION pglz | ALTER TABLE t ALTER COLUMN c SET COMPRESSION DEFAULT",
            "ALTER TABLE t DISABLE TRIGGER t_touch | ALTER TABLE t ENABLE TRIGGER t_touch",
            "ALTER TABLE t CLUSTER ON t_c | ALTER TABLE t SET WITHOUT CLUSTER",
            "ALTER TABLE t ALTER COLUMN n SET (n_distinct = 100) | ALTER TABLE t ALTER COLUMN n RESET (n_distinct)",
    })
    void aDownThatUndoesTheChangeIsClean(String upAndDown) throws Exception {
        String[] sql = upAndDown.split(" \\| ");
        VerifySamples.assertClean(verify(sql[0], sql[1]), "000002_change", upAndDown);
    }

    /** The report of verify over the base migration and one with this up and down. */
    private VerifyReport verify(String change, String down) throws Exception {
        return VerifySamples.verifyChange(project, Map.of("brokle.migrate.db", "postgres", "brokle.migrate.postgres.url",
                TestPostgres.newDatabase("verify_sense"), "brokle.migrate.postgres.username", TestPostgres.USER),
                BASE, BASE_DOWN, change, down);
    }
}
