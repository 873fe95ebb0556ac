package ai.brokle.migrate.engine;

import ai.brokle.migrate.MigrateException;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The state invariant on every datasource: what is recorded is what happened, exactly as golang-migrate would hold
 * it. Each test reproduces a reported defect (issue 8) on a real database.
 */
abstract class StateTruthContractTest extends EngineContractTest {

    /** The SQL as a file that runs outside a transaction (PostgreSQL needs the marker; ClickHouse never has one). */
    abstract String nonTransactional(String sql);

    /** Every table of the test database, and every row of the tracking tables, as text. */
    abstract String trackingDump() throws SQLException;

    void migration(int version, String table) throws java.io.IOException {
        write(String.format("%06d_%s.up.sql", version, table), createTable(table) + ";\n");
        write(String.format("%06d_%s.down.sql", version, table), "DROP TABLE " + table + ";\n");
    }

    @Test
    void outOfOrderApplyRecordsTheHighestVersionAndForgetsNothing() throws Exception {
        migration(1, "t1");
        migration(2, "t2");
        migration(4, "t4");
        migrator(Map.of()).up();
        migration(3, "t3");
        assertEquals(1, migrator(Map.of("outOfOrder", "true")).up().migrations().size());
        assertArrayEquals(new long[]{4, 0}, schemaMigrations().orElseThrow(), "golang-migrate's version is the highest applied");
        assertTrue(migrator(Map.of()).up().noChange());
        assertEquals(4, changeLogIds().size(), "a later run keeps every record: " + changeLogIds());
        migrator(Map.of("version", "1", "confirm", "yes")).goTo();
        assertFalse(tableExists("t2") || tableExists("t3") || tableExists("t4"), "goto 1 ran every down above 1");
        assertEquals(List.of("000001_t1"), changeLogIds());
        assertEquals(3, migrator(Map.of()).up().migrations().size());
    }

    @Test
    void aRenamedAppliedFileIsDriftAndItsSuccessorIsNeverRecordedWithoutRunning() throws Exception {
        migration(1, "t1");
        migration(2, "a");
        migrator(Map.of()).up();
        Files.delete(dir.resolve("000002_a.up.sql"));
        Files.delete(dir.resolve("000002_a.down.sql"));
        migration(2, "b");
        MigrateException drift = assertThrows(MigrateException.class, () -> migrator(Map.of()).up());
        assertTrue(drift.getMessage().contains("version 2 is applied as 000002_a") && drift.getMessage()
                .contains("000002_b now has that version") && drift.getMessage().contains("brokle-migrate:repair"),
                drift.getMessage());
        assertEquals(List.of("000001_t1", "000002_a"), changeLogIds());
        DatasourceStatus status = migrator(Map.of()).status().datasources().get(0);
        assertTrue(status.drift(), status.problems().toString());
        assertEquals(List.of("000002_b"), status.pending());
    }

    @Test
    void refusedDownGotoAndForceAndDryRunsWriteNothing() throws Exception {
        migration(1, "t1");
        migration(2, "t2");
        execute(createTable("t1"));
        execute(createTable("t2"));
        writeAsGoCli(2, false);
        String before = trackingDump();
        assertThrows(ConfirmationRefusedException.class, () -> migrator(Map.of()).down());
        assertThrows(ConfirmationRefusedException.class, () -> migrator(Map.of("version", "0")).goTo());
        assertThrows(ConfirmationRefusedException.class, () -> migrator(Map.of("version", "1")).force());
        assertThrows(ConfirmationRefusedException.class, () -> migrator(Map.of(), a -> Confirmer.Decision.DECLINED).down());
        migrator(Map.of("dryRun", "true", "confirm", "yes")).down();
        migrator(Map.of("dryRun", "true")).up();
        assertEquals(before, trackingDump(), "a refusal or a dry run leaves every table as it was");
    }

    @Test
    void aFailedUpLeavesItsVersionDirtyAndStatusCountsItAsPending() throws Exception {
        migration(1, "t1");
        write("000002_half.up.sql", nonTransactional(createTable("half") + ";\nSELECT throwIf(count() >= 0, 'seeded failure') FROM system.one;\n"));
        MigrationFailedException failed = assertThrows(MigrationFailedException.class, () -> migrator(Map.of()).up());
        assertTrue(failed.getMessage().contains("-Dbrokle.migrate.version=1 "), failed.getMessage());
        assertArrayEquals(new long[]{2, 1}, schemaMigrations().orElseThrow());
        DatasourceStatus status = migrator(Map.of()).status().datasources().get(0);
        assertEquals(Health.DIRTY, status.health());
        assertEquals(1, status.applied(), "the failed migration is not applied");
        assertEquals(List.of("000002_half"), status.pending());
        assertTrue(status.problems().get(0).contains("the up of migration 2 failed")
                && status.problems().get(0).contains("-Dbrokle.migrate.version=1"), status.problems().toString());
        assertTrue(status.locks().isEmpty(), "the failed run released its lock: " + status.locks() + " " + log);
        migrator(Map.of("version", "1", "confirm", "yes", "lockWaitSeconds", "5")).force();
        assertArrayEquals(new long[]{1, 0}, schemaMigrations().orElseThrow());
    }

    @Test
    void aFailedDownMarksTheTargetVersionDirtyAsGolangMigrateDoes() throws Exception {
        migration(1, "t1");
        write("000002_t2.up.sql", nonTransactional(createTable("t2") + ";\n"));
        write("000002_t2.down.sql", nonTransactional("DROP TABLE t2;\nDROP TABLE no_such_table;\n"));
        migrator(Map.of()).up();
        MigrationFailedException failed = assertThrows(MigrationFailedException.class,
                () -> migrator(Map.of("confirm", "yes")).down());
        assertTrue(failed.getMessage().contains("marked dirty at version 1 "), failed.getMessage());
        assertArrayEquals(new long[]{1, 1}, schemaMigrations().orElseThrow(), "the target of the down is dirty");
        DirtyDatabaseException dirty = assertThrows(DirtyDatabaseException.class, () -> migrator(Map.of()).up());
        assertTrue(dirty.getMessage().contains("the down of migration 2 failed")
                && dirty.getMessage().contains("-Dbrokle.migrate.version=1") && dirty.getMessage()
                .contains("-Dbrokle.migrate.version=2"), dirty.getMessage());
    }

    @Test
    void aFailedDownOfTheFirstMigrationMarksNoVersionDirty() throws Exception {
        write("000001_t1.up.sql", nonTransactional(createTable("t1") + ";\n"));
        write("000001_t1.down.sql", nonTransactional("DROP TABLE no_such_table;\n"));
        migrator(Map.of()).up();
        assertThrows(MigrationFailedException.class, () -> migrator(Map.of("confirm", "yes")).down());
        assertArrayEquals(new long[]{-1, 1}, schemaMigrations().orElseThrow(), "golang-migrate records (-1, dirty)");
        assertEquals(Health.DIRTY, migrator(Map.of()).status().overall());
        migrator(Map.of("version", "0", "confirm", "yes")).force();
        assertTrue(schemaMigrations().isEmpty());
    }

    @Test
    void aDirtyStateLeftByAnotherToolNamesBothReadings() throws Exception {
        migration(1, "t1");
        migration(2, "t2");
        migration(3, "t3");
        migrator(Map.of()).up();
        writeAsGoCli(1, true);
        DirtyDatabaseException dirty = assertThrows(DirtyDatabaseException.class, () -> migrator(Map.of()).up());
        assertTrue(dirty.getMessage().contains("either the up of migration 1 failed")
                && dirty.getMessage().contains("or a down to 1 failed"), dirty.getMessage());
    }

    @Test
    void repairAcceptsEditedRenamedAndDeletedAppliedFilesAfterConfirmation() throws Exception {
        migration(1, "t1");
        migration(2, "a");
        migration(3, "t3");
        migrator(Map.of()).up();
        write("000001_t1.up.sql", createTable("t1") + ";\n" + createTable("t1_extra") + ";\n");
        Files.move(dir.resolve("000002_a.up.sql"), dir.resolve("000002_b.up.sql"));
        Files.move(dir.resolve("000002_a.down.sql"), dir.resolve("000002_b.down.sql"));
        Files.delete(dir.resolve("000003_t3.up.sql"));
        Files.delete(dir.resolve("000003_t3.down.sql"));
        String before = trackingDump();
        assertThrows(ConfirmationRefusedException.class, () -> migrator(Map.of()).repair());
        assertEquals(before, trackingDump(), "a refused repair writes nothing");
        log.clear();
        migrator(Map.of("confirm", "yes")).repair();
        String printed = String.join("\n", log);
        assertTrue(printed.contains("re-record the checksum of 000001_t1")
                && printed.contains("record 000002_b as applied under its new name") && printed.contains("was 000002_a")
                && printed.contains("remove the record of 000003_t3"), printed);
        assertEquals(List.of("000001_t1", "000002_b"), changeLogIds().stream().sorted().toList());
        assertArrayEquals(new long[]{2, 0}, schemaMigrations().orElseThrow());
        assertTrue(migrator(Map.of()).up().noChange());
        assertEquals(Health.HEALTHY, migrator(Map.of()).status().overall());
        log.clear();
        migrator(Map.of("confirm", "yes")).repair();
        assertTrue(log.stream().anyMatch(l -> l.contains("no change")), log.toString());
    }
}
