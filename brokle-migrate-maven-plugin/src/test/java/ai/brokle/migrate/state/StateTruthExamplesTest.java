package ai.brokle.migrate.state;

import ai.brokle.migrate.MigrateException;
import ai.brokle.migrate.engine.DatasourceStatus;
import ai.brokle.migrate.state.Goal.Answer;
import ai.brokle.migrate.state.Goal.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Chains {@link StateTruthProperties} found once, replayed step by step through the same {@link Checker} on both
 * datasources, so they stay fixed whatever the random search draws.
 */
class StateTruthExamplesTest {

    @AfterEach
    void dropTheDatabase() {
        World.closeAll();
    }

    private static World world(String datasource) {
        Supplier<Db> db = "postgres".equals(datasource) ? PostgresDb::create : ClickHouseDb::create;
        return World.start(db, "postgres".equals(datasource)).open();
    }

    /** The Go CLI forced version 70, whose file was then deleted; file 10 arrived after. */
    private static World forcedToAVersionWithoutItsFile(String datasource) {
        World w = world(datasource);
        w.addFile(70, -1, -1, false);
        w.goCli("force 70", go -> go.force(70));
        w.deleteFile(70);
        w.addFile(10, -1, -1, false);
        return w;
    }

    /**
     * The Go CLI forced a version whose file was then deleted, and lower files arrived. Which of them ran is unknown:
     * {@code up} refuses and says how to declare the real version; status reports it; with {@code ignoreDrift}
     * {@code up} adopts them as run by the Go CLI and leaves golang-migrate's version as the Go CLI left it.
     */
    @ParameterizedTest
    @ValueSource(strings = {"postgres", "clickhouse"})
    void aForcedVersionWithoutItsFileIsReportedAndAdoptedOnlyWhenAsked(String datasource) throws SQLException {
        World w = forcedToAVersionWithoutItsFile(datasource);
        w.addFile(1, -1, -1, false);

        w.plugin(new Goal(Kind.UP, 1, null, false, false, false, Answer.NO_CONSOLE));
        assertTrue(w.log.stream().noneMatch(line -> line.contains("recording")), String.join("\n", w.log));
        assertEquals(Map.of(), w.db.changeLog());
        DatasourceStatus status = w.migrator(new Goal(Kind.STATUS, null, null, false, false, false, Answer.NO_CONSOLE))
                .status().datasources().get(0);
        assertTrue(status.drift());
        assertEquals(List.of(w.model.files.get(1L).id(), w.model.files.get(10L).id()), status.pending(),
                "nothing is adopted from a version no file or record has");
        assertTrue(status.problems().stream().anyMatch(p -> p.contains("says version 70, which no file")
                && p.contains("brokle-migrate:force")), status.problems().toString());

        w.plugin(new Goal(Kind.UP, 1, null, false, true, false, Answer.NO_CONSOLE));
        assertEquals(Optional.of(new Db.Version(70, false)), w.db.schemaMigrations());
        assertEquals("[MARK_RAN, MARK_RAN]", w.db.changeLog().values().stream().map(Db.Row::execType).toList()
                .toString());
    }

    /** In the same state, {@code down} would undo a file that may never have run: it refuses, naming the fix. */
    @ParameterizedTest
    @ValueSource(strings = {"postgres", "clickhouse"})
    void aForcedVersionWithoutItsFileRefusesRollBack(String datasource) throws SQLException {
        World w = forcedToAVersionWithoutItsFile(datasource);

        w.plugin(new Goal(Kind.DOWN, null, null, false, false, false, Answer.CONFIRM_FLAG));
        assertEquals(Map.of(), w.db.changeLog());
        assertEquals(Optional.of(new Db.Version(70, false)), w.db.schemaMigrations());
    }

    /** Nor does {@code repair} write that adoption: it refuses and leaves the state as the Go CLI left it. */
    @ParameterizedTest
    @ValueSource(strings = {"postgres", "clickhouse"})
    void aForcedVersionWithoutItsFileIsNotRepairedIntoRecords(String datasource) throws SQLException {
        World w = forcedToAVersionWithoutItsFile(datasource);

        MigrateException refused = assertThrows(MigrateException.class, () -> w.migrator(new Goal(Kind.DOWN, null,
                null, false, false, false, Answer.CONFIRM_FLAG)).repair());
        assertTrue(refused.getMessage().contains("says version 70"), refused.getMessage());
        assertEquals(Map.of(), w.db.changeLog());
        assertEquals(Optional.of(new Db.Version(70, false)), w.db.schemaMigrations());
    }

    /** The fix the refusal names: force the last version that really ran; then every goal works again. */
    @ParameterizedTest
    @ValueSource(strings = {"postgres", "clickhouse"})
    void forcingTheRealVersionEndsTheRefusal(String datasource) throws SQLException {
        World w = world(datasource);
        w.addFile(10, -1, -1, false);
        w.goCli("up", go -> go.up(null));
        w.addFile(70, -1, -1, false);
        w.goCli("force 70", go -> go.force(70));
        w.deleteFile(70);

        w.plugin(new Goal(Kind.FORCE, null, 10L, false, false, false, Answer.CONFIRM_FLAG));
        assertEquals(Optional.of(new Db.Version(10, false)), w.db.schemaMigrations());
        w.addFile(20, -1, -1, false);
        w.plugin(new Goal(Kind.UP, null, null, false, false, false, Answer.NO_CONSOLE));
        assertEquals(Optional.of(new Db.Version(20, false)), w.db.schemaMigrations());
        assertEquals("[EXECUTED, MARK_RAN]", w.db.changeLog().values().stream().map(Db.Row::execType).sorted()
                .toList().toString());
    }

    /**
     * A replaced applied file, then {@code force} of its version: two records at one version, one without its file.
     * {@code down} of that version must not run the new file's down (it never ran up) and leave the old record: it
     * refuses, naming the record whose file is gone (found by the property test on both datasources).
     */
    @ParameterizedTest
    @ValueSource(strings = {"postgres", "clickhouse"})
    void rollingBackAVersionWithARecordWithoutItsFileIsRefused(String datasource) throws SQLException {
        World w = world(datasource);
        w.addFile(50, -1, -1, false);
        w.plugin(new Goal(Kind.UP, null, null, false, false, false, Answer.NO_CONSOLE));
        String original = w.model.files.get(50L).id();
        w.replace(50);
        w.plugin(new Goal(Kind.FORCE, null, 50L, false, false, false, Answer.CONFIRM_FLAG));
        assertEquals(2, w.db.changeLog().size());

        w.plugin(new Goal(Kind.DOWN, null, null, false, false, false, Answer.CONFIRM_FLAG));
        assertEquals(2, w.db.changeLog().size());
        assertEquals(Optional.of(new Db.Version(50, false)), w.db.schemaMigrations());
        assertTrue(w.db.migrationTables().contains(w.model.tableOf.get(original)));
    }

    /** repair of an edited file that was only declared (force) keeps it declared: it never ran here. */
    @ParameterizedTest
    @ValueSource(strings = {"postgres", "clickhouse"})
    void repairKeepsADeclaredRecordDeclared(String datasource) throws SQLException {
        World w = world(datasource);
        w.addFile(10, -1, -1, false);
        w.plugin(new Goal(Kind.FORCE, null, 10L, false, false, false, Answer.CONFIRM_FLAG));
        w.edit(10);
        w.plugin(new Goal(Kind.REPAIR, null, null, false, false, false, Answer.CONFIRM_FLAG));
        assertEquals("[MARK_RAN]", w.db.changeLog().values().stream().map(Db.Row::execType).toList().toString());
    }

    /**
     * Two records at one version whose files are gone, and one file at that version: repair records that file once
     * (it wrote it twice on ClickHouse, found by the property run) and removes both records.
     */
    @ParameterizedTest
    @ValueSource(strings = {"postgres", "clickhouse"})
    void repairRecordsARenamedFileOnceForTwoRecordsOfItsVersion(String datasource) throws SQLException {
        World w = world(datasource);
        w.addFile(50, -1, -1, false);
        w.plugin(new Goal(Kind.UP, null, null, false, false, false, Answer.NO_CONSOLE));
        w.replace(50);
        w.plugin(new Goal(Kind.FORCE, null, 50L, false, false, false, Answer.CONFIRM_FLAG));
        w.rename(50);
        w.plugin(new Goal(Kind.REPAIR, null, null, false, false, false, Answer.CONFIRM_FLAG));
        assertEquals(List.of(w.model.files.get(50L).id()), w.db.changeLog().values().stream().map(Db.Row::id).toList());
    }

    /**
     * The Go CLI rolled back a migration the plugin ran, the file was replaced, and the Go CLI applied the new one at
     * the same version: nothing tells the plugin, whose record still names the old file. {@code up} refuses as
     * drift (a renamed or replaced applied file) and writes nothing; the checker exempts the stale record.
     */
    @ParameterizedTest
    @ValueSource(strings = {"postgres", "clickhouse"})
    void aReplacementTheGoCliRanAtTheSameVersionIsRefusedAsDrift(String datasource) throws SQLException {
        World w = world(datasource);
        w.addFile(100, -1, -1, false);
        w.plugin(new Goal(Kind.UP, null, null, false, false, false, Answer.NO_CONSOLE));
        w.goCli("down 1", go -> go.down(1));
        w.replace(100);
        w.goCli("up 1", go -> go.up(1));
        w.plugin(new Goal(Kind.UP, null, null, false, false, false, Answer.NO_CONSOLE));
        assertEquals(1, w.db.changeLog().size());
    }

    /**
     * An applied file was replaced and the replacement run too ({@code ignoreDrift}): two records at one version.
     * The Go CLI then rolled that version back with the new file's down, to a lower file merged meanwhile, so the old
     * file's table stays; the plugin's adoption drops both records (golang-migrate's version is below them) as the
     * Go CLI said. The table left is the Go CLI's doing, an orphan the checker exempts. (Found by the long run.)
     */
    @ParameterizedTest
    @ValueSource(strings = {"postgres", "clickhouse"})
    void aVersionTheGoCliRolledBackWithAnotherFileLeavesTheOldTable(String datasource) throws SQLException {
        World w = world(datasource);
        w.addFile(20, -1, -1, false);
        w.plugin(new Goal(Kind.UP, null, null, false, false, false, Answer.NO_CONSOLE));
        w.replace(20);
        w.plugin(new Goal(Kind.UP, null, null, false, true, false, Answer.NO_CONSOLE));
        w.addFile(12, -1, -1, false);
        w.goCli("down 1", go -> go.down(1));
        w.plugin(new Goal(Kind.DOWN, null, null, false, false, false, Answer.CONFIRM_FLAG));
        assertTrue(w.db.changeLog().keySet().stream().noneMatch(id -> id.startsWith("000020_")),
                w.db.changeLog().toString());
    }
}
