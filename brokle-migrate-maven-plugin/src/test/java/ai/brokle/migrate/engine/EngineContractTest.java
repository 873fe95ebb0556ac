package ai.brokle.migrate.engine;

import ai.brokle.migrate.MigrateException;
import ai.brokle.migrate.source.InvalidMigrationException;
import ai.brokle.migrate.testing.TestMigrator;
import ai.brokle.migrate.testing.TestMigrators;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine's contract, run against every datasource on a real database. Subclasses say how to reach a fresh
 * database and how to look inside it; the behaviour asserted here is the same for all.
 */
abstract class EngineContractTest {

    @TempDir
    Path project;
    Path dir;
    String url;
    final List<String> log = new ArrayList<>();

    /** {@code postgres} or {@code clickhouse}. */
    abstract String datasource();

    /** The JDBC URL of a new, empty database. */
    abstract String newDatabase();

    /** Extra -D properties (credentials) for this datasource. */
    abstract Map<String, String> connectionProperties();

    /** DDL creating a one-column table. */
    abstract String createTable(String table);

    abstract boolean tableExists(String table) throws SQLException;

    /** golang-migrate's view: the current (version, dirty), or empty. */
    abstract Optional<long[]> schemaMigrations() throws SQLException;

    /** Writes {@code schema_migrations} exactly as golang-migrate (Brokle's Go CLI) does; version -1 = none. */
    abstract void writeAsGoCli(long version, boolean dirty) throws SQLException;

    /** Runs SQL directly on the test database, as another tool would. */
    abstract void execute(String sql) throws SQLException;

    /** Ids recorded in DATABASECHANGELOG for this plugin, in execution order. */
    abstract List<String> changeLogIds() throws SQLException;

    @BeforeEach
    void setUp() throws IOException {
        dir = Files.createDirectories(project.resolve("migrations"));
        url = newDatabase();
    }

    TestMigrator migrator(Map<String, String> options, Confirmer confirmer) {
        Map<String, String> properties = new HashMap<>(connectionProperties());
        properties.put("brokle.migrate.db", datasource());
        properties.put("brokle.migrate." + datasource() + ".url", url);
        properties.put("brokle.migrate." + datasource() + ".dir", dir.toString());
        options.forEach((k, v) -> properties.put("brokle.migrate." + k, v));
        return TestMigrators.build(project, properties, log, confirmer);
    }

    TestMigrator migrator(Map<String, String> options) {
        return migrator(options, action -> Confirmer.Decision.NO_CONSOLE);
    }

    void write(String file, String sql) throws IOException {
        Files.writeString(dir.resolve(file), sql);
    }

    void threeTables() throws IOException {
        for (int i = 1; i <= 3; i++) {
            write(String.format("%06d_t%d.up.sql", i, i), createTable("t" + i) + ";\n");
            write(String.format("%06d_t%d.down.sql", i, i), "DROP TABLE t" + i + ";\n");
        }
    }

    @Test
    void upAppliesAllPendingInOrderAndRecordsBothTrackingTables() throws Exception {
        threeTables();
        RunResult result = migrator(Map.of()).up();
        assertEquals(List.of("000001_t1", "000002_t2", "000003_t3"),
                result.migrations().stream().map(AppliedMigration::id).toList());
        assertTrue(tableExists("t1") && tableExists("t2") && tableExists("t3"));
        assertEquals(List.of("000001_t1", "000002_t2", "000003_t3"), changeLogIds());
        assertEquals(3L, schemaMigrations().orElseThrow()[0]);
        assertEquals(0L, schemaMigrations().orElseThrow()[1]);
        assertTrue(log.stream().anyMatch(l -> l.contains("applied 000002_t2 (") && l.contains(" ms)")), log.toString());
    }

    @Test
    void upWithNothingPendingIsNoChange() throws Exception {
        threeTables();
        migrator(Map.of()).up();
        log.clear();
        RunResult again = migrator(Map.of()).up();
        assertTrue(again.noChange());
        assertTrue(log.stream().anyMatch(l -> l.contains("no change")), log.toString());
    }

    @Test
    void upStepsAppliesAtMostN() throws Exception {
        threeTables();
        assertEquals(2, migrator(Map.of("steps", "2")).up().migrations().size());
        assertTrue(tableExists("t2"));
        assertFalse(tableExists("t3"));
        assertEquals(2L, schemaMigrations().orElseThrow()[0]);
    }

    @Test
    void downRollsBackOneByDefaultAndStepsMore() throws Exception {
        threeTables();
        migrator(Map.of()).up();
        migrator(Map.of("confirm", "yes")).down();
        assertFalse(tableExists("t3"));
        assertTrue(tableExists("t2"));
        assertEquals(2L, schemaMigrations().orElseThrow()[0]);
        migrator(Map.of("confirm", "yes", "steps", "-2")).down();
        assertFalse(tableExists("t1"));
        assertTrue(schemaMigrations().isEmpty());
        assertEquals(List.of(), changeLogIds());
    }

    @Test
    void downWithoutConfirmationChangesNothing() throws Exception {
        threeTables();
        migrator(Map.of()).up();
        ConfirmationRefusedException refused = assertThrows(ConfirmationRefusedException.class,
                () -> migrator(Map.of()).down());
        assertTrue(refused.getMessage().contains("-Dbrokle.migrate.confirm=yes"), refused.getMessage());
        assertThrows(ConfirmationRefusedException.class,
                () -> migrator(Map.of(), action -> Confirmer.Decision.DECLINED).down());
        assertTrue(tableExists("t3"));
        assertEquals(3, changeLogIds().size());
        migrator(Map.of(), action -> Confirmer.Decision.CONFIRMED).down();
        assertFalse(tableExists("t3"));
    }

    @Test
    void dryRunPrintsSqlAndChangesNothing() throws Exception {
        threeTables();
        RunResult result = migrator(Map.of("dryRun", "true")).up();
        assertTrue(result.dryRun());
        assertEquals(3, result.migrations().size());
        assertFalse(tableExists("t1"));
        String printed = String.join("\n", log);
        assertTrue(printed.contains(createTable("t1")), printed);
        assertTrue(printed.contains("schema_migrations"), printed);
    }

    @Test
    void failingStatementIsNamedWithFileNumberAndLine() throws Exception {
        write("000001_ok.up.sql", createTable("ok") + ";\n");
        write("000002_bad.up.sql", "-- two statements, the second fails\n" + createTable("half") + ";\n\n"
                + "SELECT no_such_column FROM no_such_table;\n");
        MigrationFailedException failure = assertThrows(MigrationFailedException.class, () -> migrator(Map.of()).up());
        assertEquals("000002_bad", failure.migrationId());
        assertEquals(2, failure.statementNumber());
        assertTrue(failure.getMessage().contains("000002_bad.up.sql"), failure.getMessage());
        assertTrue(failure.getMessage().contains("statement 2 at line 4: SELECT no_such_column"), failure.getMessage());
        assertTrue(tableExists("ok"));
        assertEquals(List.of("000001_ok"), changeLogIds());
        assertFailedMigrationState();
    }

    /** What a failed 000002_bad leaves behind: the dialect decides (transactional or dirty). */
    abstract void assertFailedMigrationState() throws SQLException;

    @Test
    void invalidFilesStopEverythingBeforeConnecting() throws Exception {
        threeTables();
        write("abc_x.up.sql", "SELECT 1;");
        InvalidMigrationException e = assertThrows(InvalidMigrationException.class, () -> migrator(Map.of()).up());
        assertTrue(e.getMessage().contains("abc_x.up.sql"), e.getMessage());
        assertFalse(tableExists("t1"));
    }

    @Test
    void statusReportsPendingThenHealthy() throws Exception {
        threeTables();
        migrator(Map.of("steps", "1")).up();
        DatasourceStatus pending = migrator(Map.of()).status().datasources().get(0);
        assertEquals(Health.PENDING, pending.health());
        assertEquals(1L, pending.currentVersion());
        assertEquals(List.of("000002_t2", "000003_t3"), pending.pending());
        migrator(Map.of()).up();
        StatusReport healthy = migrator(Map.of()).status();
        assertEquals(Health.HEALTHY, healthy.overall());
        assertEquals(3, healthy.datasources().get(0).applied());
    }

    @Test
    void dirtyDatabaseBlocksUpUntilForced() throws Exception {
        threeTables();
        migrator(Map.of("steps", "1")).up();
        execute(createTable("t2"));
        writeAsGoCli(2, true);
        DirtyDatabaseException dirty = assertThrows(DirtyDatabaseException.class, () -> migrator(Map.of()).up());
        assertTrue(dirty.getMessage().contains("mvn brokle-migrate:force -Dbrokle.migrate.db=" + datasource()),
                dirty.getMessage());
        DatasourceStatus status = migrator(Map.of()).status().datasources().get(0);
        assertEquals(Health.DIRTY, status.health());
        assertEquals(2L, status.currentVersion());
        assertThrows(ConfirmationRefusedException.class, () -> migrator(Map.of("version", "2")).force());
        migrator(Map.of("version", "2", "confirm", "yes")).force();
        assertEquals(2L, schemaMigrations().orElseThrow()[0]);
        assertEquals(0L, schemaMigrations().orElseThrow()[1]);
        assertEquals(List.of("000001_t1", "000002_t2"), changeLogIds());
        assertEquals(List.of("000003_t3"), migrator(Map.of()).up().migrations().stream().map(AppliedMigration::id).toList());
    }

    @Test
    void forceZeroMeansNothingApplied() throws Exception {
        threeTables();
        migrator(Map.of()).up();
        migrator(Map.of("version", "0", "confirm", "yes")).force();
        assertTrue(schemaMigrations().isEmpty());
        assertEquals(List.of(), changeLogIds());
        assertTrue(tableExists("t3"), "force runs no SQL");
    }

    @Test
    void gotoMovesByTheListOfTimestampVersions() throws Exception {
        long[] versions = {20240115103000L, 20240201090000L, 20251231235959L};
        for (int i = 0; i < versions.length; i++) {
            write(versions[i] + "_t" + (i + 1) + ".up.sql", createTable("t" + (i + 1)));
            write(versions[i] + "_t" + (i + 1) + ".down.sql", "DROP TABLE t" + (i + 1));
        }
        assertEquals(2, migrator(Map.of("version", "20240201090000")).goTo().migrations().size());
        assertEquals(versions[1], schemaMigrations().orElseThrow()[0]);
        assertThrows(ConfirmationRefusedException.class, () -> migrator(Map.of("version", "20240115103000")).goTo());
        assertEquals(1, migrator(Map.of("version", "20240115103000", "confirm", "yes")).goTo().migrations().size());
        assertFalse(tableExists("t2"));
        MigrateException unknown = assertThrows(MigrateException.class,
                () -> migrator(Map.of("version", "20240115103001")).goTo());
        assertTrue(unknown.getMessage().contains("is not a migration of " + datasource()), unknown.getMessage());
        assertEquals(3, migrator(Map.of("version", "20251231235959")).goTo().migrations().size() + 1);
        assertEquals(3, migrator(Map.of("version", "0", "confirm", "yes")).goTo().migrations().size());
        assertTrue(schemaMigrations().isEmpty());
    }

    @Test
    void databaseMigratedByTheGoCliIsAdoptedWithoutRerunning() throws Exception {
        threeTables();
        execute(createTable("t1"));
        execute(createTable("t2"));
        writeAsGoCli(2, false);
        RunResult result = migrator(Map.of()).up();
        assertEquals(List.of("000003_t3"), result.migrations().stream().map(AppliedMigration::id).toList());
        assertTrue(log.stream().anyMatch(l -> l.contains("golang-migrate") && l.contains("recording 2 migration(s)")),
                log.toString());
        assertEquals(List.of("000001_t1", "000002_t2", "000003_t3"), changeLogIds());
        assertEquals(3L, schemaMigrations().orElseThrow()[0]);

        // the Go CLI rolls back one migration; the plugin follows
        execute("DROP TABLE t3");
        writeAsGoCli(2, false);
        assertEquals(List.of("000003_t3"), migrator(Map.of()).up().migrations().stream().map(AppliedMigration::id).toList());
        assertTrue(tableExists("t3"));
    }

    @Test
    void changedOrMissingAppliedFileStopsUpUnlessAccepted() throws Exception {
        threeTables();
        migrator(Map.of("steps", "2")).up();
        write("000001_t1.up.sql", createTable("t1") + ";\n" + createTable("t1_extra") + ";\n");
        MigrateException drift = assertThrows(MigrateException.class, () -> migrator(Map.of()).up());
        assertTrue(drift.getMessage().contains("000001_t1.up.sql changed after it was applied"), drift.getMessage());
        assertFalse(tableExists("t3"));
        assertTrue(migrator(Map.of()).status().datasources().get(0).drift());
        Files.delete(dir.resolve("000002_t2.up.sql"));
        Files.delete(dir.resolve("000002_t2.down.sql"));
        MigrateException missing = assertThrows(MigrateException.class, () -> migrator(Map.of()).up());
        assertTrue(missing.getMessage().contains("000002_t2 have no file"), missing.getMessage());
        assertEquals(1, migrator(Map.of("ignoreDrift", "true")).up().migrations().size());
        assertTrue(tableExists("t3"));
    }

    @Test
    void outOfOrderPendingMigrationIsRefusedUnlessAllowed() throws Exception {
        threeTables();
        Files.move(dir.resolve("000002_t2.up.sql"), project.resolve("t2.up"));
        Files.move(dir.resolve("000002_t2.down.sql"), project.resolve("t2.down"));
        migrator(Map.of()).up();
        Files.move(project.resolve("t2.up"), dir.resolve("000002_t2.up.sql"));
        Files.move(project.resolve("t2.down"), dir.resolve("000002_t2.down.sql"));
        MigrateException early = assertThrows(MigrateException.class, () -> migrator(Map.of()).up());
        assertTrue(early.getMessage().contains("older than the latest applied one (3): 000002_t2"), early.getMessage());
        assertEquals(1, migrator(Map.of("outOfOrder", "true")).up().migrations().size());
        assertTrue(tableExists("t2"));
    }

    @Test
    void dropAndResetNeedConfirmationAndEmptyTheDatabase() throws Exception {
        threeTables();
        migrator(Map.of()).up();
        assertThrows(ConfirmationRefusedException.class, () -> migrator(Map.of()).repairs().drop());
        assertTrue(tableExists("t1"));
        migrator(Map.of("confirm", "yes")).repairs().drop();
        assertFalse(tableExists("t1"));
        assertFalse(tableExists("schema_migrations"));
        migrator(Map.of()).up();
        assertTrue(tableExists("t3"));
        migrator(Map.of("confirm", "yes")).repairs().reset();
        assertFalse(tableExists("t3"));
        assertEquals(3, migrator(Map.of()).up().migrations().size());
    }

    @Test
    void concurrentUpsApplyEachMigrationOnce() throws Exception {
        for (int i = 1; i <= 6; i++) {
            write(String.format("%06d_t%d.up.sql", i, i), createTable("t" + i));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            List<java.util.concurrent.Future<RunResult>> runs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                runs.add(pool.submit(() -> migrator(Map.of()).up()));
            }
            int applied = 0;
            for (var run : runs) {
                applied += run.get().migrations().size();
            }
            assertEquals(6, applied, "every migration applied exactly once across the concurrent runs");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(6, changeLogIds().size());
        assertEquals(6L, schemaMigrations().orElseThrow()[0]);
    }
}
