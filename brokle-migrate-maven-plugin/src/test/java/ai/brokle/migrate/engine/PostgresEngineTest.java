package ai.brokle.migrate.engine;

import ai.brokle.migrate.MigrateException;
import ai.brokle.migrate.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine contract on a real PostgreSQL, plus what only PostgreSQL does (transactions, $$ bodies). */
class PostgresEngineTest extends StateTruthContractTest {

    @Override
    String datasource() {
        return "postgres";
    }

    @Override
    String newDatabase() {
        return TestPostgres.newDatabase("engine");
    }

    @Override
    Map<String, String> connectionProperties() {
        return Map.of("brokle.migrate.postgres.username", TestPostgres.USER);
    }

    @Override
    String createTable(String table) {
        return "CREATE TABLE " + table + " (id integer PRIMARY KEY)";
    }

    @Override
    boolean tableExists(String table) throws SQLException {
        return queryLong("SELECT count(*) FROM information_schema.tables WHERE table_name = '" + table + "'") > 0;
    }

    @Override
    Optional<long[]> schemaMigrations() throws SQLException {
        try (Connection c = TestPostgres.connect(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, dirty FROM schema_migrations")) {
            if (!rs.next()) {
                return Optional.empty();
            }
            long[] row = {rs.getLong(1), rs.getBoolean(2) ? 1 : 0};
            assertFalse(rs.next(), "golang-migrate's PostgreSQL table holds one row");
            return Optional.of(row);
        }
    }

    @Override
    List<String> changeLogIds() throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection c = TestPostgres.connect(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id FROM databasechangelog WHERE filename = 'brokle-migrate/postgres' "
                     + "ORDER BY orderexecuted")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    @Override
    void writeAsGoCli(long version, boolean dirty) throws SQLException {
        try (Connection c = TestPostgres.connect(url); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version bigint not null primary key, "
                    + "dirty boolean not null)");
            s.execute("TRUNCATE schema_migrations");
            if (version >= 0) {
                s.execute("INSERT INTO schema_migrations (version, dirty) VALUES (" + version + ", " + dirty + ")");
            }
            c.commit();
        }
    }

    @Override
    void execute(String sql) throws SQLException {
        try (Connection c = TestPostgres.connect(url); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    String nonTransactional(String sql) {
        return "-- +migrate notransaction\n" + sql;
    }

    @Override
    String trackingDump() throws SQLException {
        StringBuilder dump = new StringBuilder();
        try (Connection c = TestPostgres.connect(url); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT table_schema || '.' || table_name FROM information_schema.tables "
                    + "WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                dump.append(table).append(":\n");
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY 1")) {
                    while (rs.next()) {
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            dump.append(rs.getString(i)).append('|');
                        }
                        dump.append('\n');
                    }
                }
            }
        }
        return dump.toString();
    }

    @Test
    void transactionControlInATransactionalFileIsRefusedBeforeAnythingRuns() throws Exception {
        write("000001_a.up.sql", "CREATE TABLE a (id integer);\nCOMMIT;\nSELECT 1/0;\n");
        MigrateException e = assertThrows(MigrateException.class, () -> migrator(Map.of()).up());
        assertTrue(e.getMessage().contains("000001_a.up.sql (up), line 2: COMMIT")
                && e.getMessage().contains("-- +migrate notransaction"), e.getMessage());
        assertFalse(tableExists("a"));
        assertFalse(tableExists("schema_migrations"), "refused while planning: not even a tracking table");
    }

    @Override
    void assertFailedMigrationState() throws SQLException {
        assertFalse(tableExists("half"), "the failed migration's first statement was rolled back with it");
        assertEquals(1L, schemaMigrations().orElseThrow()[0]);
        assertEquals(0L, schemaMigrations().orElseThrow()[1], "a transactional failure leaves the database clean");
    }

    /**
     * A transactional migration's statements go to the server as one request; when that fails, they are run again
     * one by one (and rolled back) to name the statement. A statement that fails only the first time (its sequence
     * moved on) is reported without a number, and nothing of the migration is applied.
     */
    @Test
    void aFailureThatDoesNotRecurWhenRunAgainIsReportedWithoutAStatement() throws Exception {
        execute("CREATE SEQUENCE attempts");
        write("000001_once.up.sql", "CREATE TABLE once (id integer);\n"
                + "SELECT 1 / (nextval('attempts') - 1);\n");
        MigrationFailedException e = assertThrows(MigrationFailedException.class, () -> migrator(Map.of()).up());
        assertTrue(e.getMessage().contains("000001_once.up.sql (up), one of its statements, sent together (run "
                + "again one by one, none failed)"), e.getMessage());
        assertTrue(e.getMessage().contains("division by zero"), e.getMessage());
        assertEquals(0, e.statementNumber());
        assertEquals(2L, queryLong("SELECT last_value FROM attempts"), "run together once, then one by one once");
        assertFalse(tableExists("once"), "both runs were rolled back");
        assertTrue(schemaMigrations().isEmpty(), "nothing recorded");
    }

    /** A SQL-standard function body (BEGIN ATOMIC ... END) followed by more statements applies as written. */
    @Test
    void sqlStandardFunctionBodiesFollowedByMoreStatementsApply() throws Exception {
        write("000001_atomic.up.sql", """
                CREATE FUNCTION answer() RETURNS integer LANGUAGE sql
                BEGIN ATOMIC
                  SELECT CASE WHEN true THEN 42 END;
                END;
                CREATE TABLE after_atomic (id integer DEFAULT answer());
                INSERT INTO after_atomic DEFAULT VALUES;
                """);
        migrator(Map.of()).up();
        assertEquals(42L, queryLong("SELECT id FROM after_atomic"));
    }

    /** jsonb's ? operators reach the server as written, alone in a file and among other statements. */
    @Test
    void questionMarkOperatorsReachTheServerAsWritten() throws Exception {
        write("000001_alone.up.sql", "CREATE TABLE docs AS SELECT '{\"a\": 1}'::jsonb ? 'a' AS has_a;\n");
        write("000002_among.up.sql", "CREATE TABLE docs2 (body jsonb);\n"
                + "INSERT INTO docs2 SELECT '{\"b\": 1}' WHERE '{\"b\": 1}'::jsonb ?| array['b'];\n");
        migrator(Map.of()).up();
        assertEquals(1L, queryLong("SELECT count(*) FROM docs WHERE has_a"));
        assertEquals(1L, queryLong("SELECT count(*) FROM docs2"));
    }

    /** A statement an operator cancelled is not run again to find it: what someone stopped stays stopped. */
    @Test
    void aCancelledMigrationIsNotRunAgain() throws Exception {
        execute("CREATE SEQUENCE runs");
        write("000001_cancelled.up.sql", "SELECT nextval('runs');\n"
                + "SELECT pg_cancel_backend(pg_backend_pid()), pg_sleep(2);\n");
        MigrationFailedException e = assertThrows(MigrationFailedException.class, () -> migrator(Map.of()).up());
        assertTrue(e.getMessage().contains("canceling statement due to user request"), e.getMessage());
        assertTrue(e.getMessage().contains("sent together (not run again after this failure)"), e.getMessage());
        assertEquals(1L, queryLong("SELECT last_value FROM runs"), "ran once");
    }

    /** A statement that ends the session: the database's error is reported, not a bookkeeping failure. */
    @Test
    void aStatementThatEndsTheSessionIsReportedAsTheMigrationsFailure() throws Exception {
        write("000001_ok.up.sql", createTable("ok") + ";\n");
        write("000002_ends.up.sql", createTable("half") + ";\nSELECT pg_terminate_backend(pg_backend_pid());\n");
        MigrationFailedException e = assertThrows(MigrationFailedException.class, () -> migrator(Map.of()).up());
        assertTrue(e.getMessage().contains("000002_ends.up.sql (up)"), e.getMessage());
        assertTrue(e.getMessage().contains("terminating connection"), e.getMessage());
        assertTrue(e.getMessage().contains("sent together (not run again after this failure)"), e.getMessage());
        assertFalse(tableExists("half"));
        assertEquals(1L, schemaMigrations().orElseThrow()[0]);
    }

    @Test
    void functionBodiesAndStringLiteralsWithSemicolonsReachTheServerWhole() throws Exception {
        write("000001_fn.up.sql", """
                CREATE TABLE notes (body text);
                CREATE FUNCTION add_semicolon() RETURNS trigger AS $$
                BEGIN
                  NEW.body := NEW.body || ';';
                  RETURN NEW;
                END;
                $$ LANGUAGE plpgsql;
                CREATE TRIGGER notes_semicolon BEFORE INSERT ON notes FOR EACH ROW EXECUTE FUNCTION add_semicolon();
                INSERT INTO notes VALUES ('a; b');
                """);
        write("000001_fn.down.sql", "DROP TABLE notes; DROP FUNCTION add_semicolon();");
        migrator(Map.of()).up();
        try (Connection c = TestPostgres.connect(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT body FROM notes")) {
            assertTrue(rs.next());
            assertEquals("a; b;", rs.getString(1));
        }
    }

    @Test
    void wrongPasswordIsOneClearLineWithoutThePassword() {
        url = TestPostgres.url("postgres");
        ConnectionFailedException e = assertThrows(ConnectionFailedException.class, () -> migrator(Map.of(
                "postgres.username", TestPostgres.PASSWORD_USER, "postgres.password", "wrong-" + TestPostgres.PASSWORD))
                .up());
        assertTrue(e.getMessage().contains("password authentication failed"), e.getMessage());
        assertFalse(e.getMessage().contains(TestPostgres.PASSWORD), e.getMessage());
        assertTrue(e.getMessage().contains("localhost:" + TestPostgres.port()), e.getMessage());
    }

    @Test
    void noTransactionMarkerRunsConcurrentIndexOutsideATransaction() throws Exception {
        write("000001_t.up.sql", "CREATE TABLE big (id integer);");
        write("000002_idx.up.sql", "-- +migrate notransaction\nCREATE INDEX CONCURRENTLY big_id ON big (id);");
        write("000002_idx.down.sql", "DROP INDEX CONCURRENTLY big_id;");
        migrator(Map.of()).up();
        assertEquals(1, queryLong("SELECT count(*) FROM pg_indexes WHERE indexname = 'big_id'"));
        assertEquals(2L, schemaMigrations().orElseThrow()[0]);
        assertEquals(0L, schemaMigrations().orElseThrow()[1]);
    }

    @Test
    void sampleSetRoundTripsUpDownAllUp() throws Exception {
        dir = java.nio.file.Path.of("..", "migrations").toAbsolutePath().normalize();
        int count = migrator(Map.of()).up().migrations().size();
        assertTrue(count >= 8, "the sample set holds at least 8 migrations");
        assertTrue(tableExists("organizations") && tableExists("api_keys"));
        assertEquals(count, migrator(Map.of("confirm", "yes", "steps", String.valueOf(count))).down().migrations().size());
        assertEquals(0, queryLong("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' "
                + "AND table_name NOT IN ('databasechangelog', 'databasechangeloglock', 'schema_migrations')"));
        assertEquals(0, queryLong("SELECT count(*) FROM pg_type WHERE typtype = 'e'"), "enum types are dropped too");
        assertEquals(count, migrator(Map.of()).up().migrations().size());
        assertEquals(Health.HEALTHY, migrator(Map.of()).status().overall());
    }

    @Test
    void selectingAnUnconfiguredDatasourceSaysHowToConfigureIt() {
        ai.brokle.migrate.MigrateException e = assertThrows(ai.brokle.migrate.MigrateException.class,
                () -> ai.brokle.migrate.testing.TestMigrators.build(project, Map.of("brokle.migrate.db", "clickhouse"),
                        log, action -> Confirmer.Decision.NO_CONSOLE).up());
        assertTrue(e.getMessage().contains("clickhouse is not configured"), e.getMessage());
        assertTrue(e.getMessage().contains("CLICKHOUSE_URL"), e.getMessage());
        assertTrue(e.getMessage().contains("-Dbrokle.migrate.clickhouse.url=clickhouse://user:pass@localhost:9000/default"),
                e.getMessage());
    }

    private long queryLong(String sql) throws SQLException {
        try (Connection c = TestPostgres.connect(url); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
