package ai.brokle.migrate.engine;

import ai.brokle.migrate.dialect.Dialects;
import ai.brokle.migrate.config.DatasourceConfig;
import ai.brokle.migrate.dialect.MigrationGuard;
import ai.brokle.migrate.dialect.postgres.PostgresDialect;
import ai.brokle.migrate.testing.TestMigrator;
import ai.brokle.migrate.testing.TestMigrators;
import ai.brokle.migrate.testing.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The production guards on a real PostgreSQL: lock_timeout and statement_timeout per migration. */
class PostgresGuardTest {

    @TempDir
    Path project;
    private String url;
    private final List<String> log = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        Files.createDirectories(project.resolve("migrations"));
        url = TestPostgres.newDatabase("guard");
    }

    private TestMigrator migrator(String... properties) {
        Map<String, String> map = new HashMap<>(Map.of("brokle.migrate.db", "postgres",
                "brokle.migrate.postgres.url", url, "brokle.migrate.postgres.username", TestPostgres.USER));
        for (int i = 0; i < properties.length; i += 2) {
            map.put("brokle.migrate." + properties[i], properties[i + 1]);
        }
        return TestMigrators.build(project, map, log, action -> Confirmer.Decision.NO_CONSOLE);
    }

    private void migration(String name, String up) throws IOException {
        Files.writeString(project.resolve("migrations/" + name + ".up.sql"), up);
        Files.writeString(project.resolve("migrations/" + name + ".down.sql"), "SELECT 1;\n");
    }

    /** Holds an ACCESS EXCLUSIVE lock on the table from another connection until closed. */
    private Connection holdLock(String table) throws SQLException {
        Connection holder = TestPostgres.connect(url);
        holder.setAutoCommit(false);
        try (Statement s = holder.createStatement()) {
            s.execute("LOCK TABLE " + table + " IN ACCESS EXCLUSIVE MODE");
        }
        return holder;
    }

    @Test
    void aMigrationWaitingForALockFailsFastNamingTheSetting() throws Exception {
        migration("000001_users", "CREATE TABLE users (id int);\n");
        migrator().up();
        migration("000002_add_email", "ALTER TABLE users ADD COLUMN IF NOT EXISTS email text;\n");
        try (Connection holder = holdLock("users")) {
            long start = System.nanoTime();
            MigrationFailedException e = assertThrows(MigrationFailedException.class,
                    () -> migrator("postgres.lockTimeout", "500ms").up());
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 5000, "failed after " + millis + " ms, not by the lock timeout");
            assertTrue(e.getMessage().contains("000002_add_email.up.sql (up), statement 1 at line 1: ALTER TABLE users"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("brokle.migrate.postgres.lockTimeout=500ms (lock_timeout)"), e.getMessage());
            assertTrue(e.getMessage().contains("Nothing of this migration was applied"), e.getMessage());
        }
        assertEquals(1, migrator("postgres.lockTimeout", "500ms").up().migrations().size(), "runs once the lock is free");
    }

    @Test
    void aNotransactionFileIsGuardedToo() throws Exception {
        migration("000001_users", "CREATE TABLE users (id int);\n");
        migrator().up();
        migration("000002_index", "-- +migrate notransaction\nCREATE INDEX CONCURRENTLY IF NOT EXISTS idx_users_id ON users (id);\n");
        try (Connection holder = holdLock("users")) {
            long start = System.nanoTime();
            MigrationFailedException e = assertThrows(MigrationFailedException.class,
                    () -> migrator("postgres.lockTimeout", "1s").up());
            assertTrue((System.nanoTime() - start) / 1_000_000 < 6000);
            assertTrue(e.getMessage().contains("lockTimeout=1s (lock_timeout)"), e.getMessage());
            assertTrue(e.getMessage().contains("marked dirty at version 2"), e.getMessage());
        }
    }

    @Test
    void aSlowStatementIsCanceledByTheStatementTimeout() throws Exception {
        migration("000001_slow", "CREATE TABLE t (id int);\nSELECT pg_sleep(5);\n");
        long start = System.nanoTime();
        MigrationFailedException e = assertThrows(MigrationFailedException.class,
                () -> migrator("postgres.statementTimeout", "300ms").up());
        assertTrue((System.nanoTime() - start) / 1_000_000 < 4000);
        assertTrue(e.getMessage().contains("statement 2 at line 2: SELECT pg_sleep(5)"), e.getMessage());
        assertTrue(e.getMessage().contains("brokle.migrate.postgres.statementTimeout=300ms (statement_timeout"),
                e.getMessage());
        assertEquals(0, count("SELECT count(*) FROM information_schema.tables WHERE table_name = 't'"),
                "the migration's transaction rolled back");
    }

    @Test
    void guardsLastForTheTransactionOrUntilReleased() throws SQLException {
        DatasourceConfig config = new DatasourceConfig(Dialects.of("postgres"), url, null, null, false, project,
                "schema_migrations", null, null, Duration.ofSeconds(30), Duration.ofMillis(1500));
        MigrationGuard guard = new PostgresDialect().guard(config);
        try (Connection c = TestPostgres.connect(url)) {
            c.setAutoCommit(false);
            guard.apply(c, true);
            assertEquals("1500ms", show(c, "lock_timeout"));
            assertEquals("30s", show(c, "statement_timeout"));
            guard.release(c, true);
            c.commit();
            assertEquals("0", show(c, "lock_timeout"), "SET LOCAL ends with the transaction");
            c.setAutoCommit(true);
            guard.apply(c, false);
            assertEquals("1500ms", show(c, "lock_timeout"));
            guard.release(c, false);
            assertEquals("0", show(c, "lock_timeout"), "the session setting is reset after a notransaction file");
            assertEquals("0", show(c, "statement_timeout"));
        }
    }

    @Test
    void dryRunAndInfoShowTheGuards() throws Exception {
        migration("000001_users", "CREATE TABLE users (id int);\n");
        migration("000002_index", "-- +migrate notransaction\nCREATE INDEX CONCURRENTLY IF NOT EXISTS i ON users (id);\n");
        migrator("postgres.lockTimeout", "2s", "postgres.statementTimeout", "1min", "dryRun", "true").up();
        assertTrue(log.contains("SET LOCAL lock_timeout = 2000;"), String.join("\n", log));
        assertTrue(log.contains("SET LOCAL statement_timeout = 60000;"), String.join("\n", log));
        assertTrue(log.contains("SET lock_timeout = 2000;"), String.join("\n", log));
        InfoReport info = migrator("postgres.lockTimeout", "2s", "postgres.statementTimeout", "1min").info();
        assertTrue(info.lines().stream().anyMatch(l -> l.startsWith("[postgres] guards: lock_timeout 2s "
                + "(brokle.migrate.postgres.lockTimeout), statement_timeout 1min")), info.lines().toString());
    }

    private String show(Connection c, String setting) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = TestPostgres.connect(url); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
