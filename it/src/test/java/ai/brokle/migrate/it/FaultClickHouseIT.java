package ai.brokle.migrate.it;

import ai.brokle.migrate.it.FaultTrials.Kill;
import ai.brokle.migrate.it.FaultTrials.Version;
import ai.brokle.migrate.it.MavenProject.BuildResult;
import ai.brokle.migrate.it.MavenProject.Running;
import ai.brokle.migrate.testing.TestClickHouse;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static ai.brokle.migrate.it.FaultTrials.CONCURRENT_MIGRATIONS;
import static ai.brokle.migrate.it.FaultTrials.CONCURRENT_TRIALS;
import static ai.brokle.migrate.it.FaultTrials.KILL_TRIALS;
import static ai.brokle.migrate.it.FaultTrials.MIGRATIONS;
import static ai.brokle.migrate.it.FaultTrials.SEED;
import static ai.brokle.migrate.it.FaultTrials.assertEachAppliedOnce;
import static ai.brokle.migrate.it.FaultTrials.assertPrefix;
import static ai.brokle.migrate.it.FaultTrials.killAtRandomMoment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Faults on ClickHouse: the Maven JVM killed with SIGKILL at random moments during {@code up} (see {@link FaultTrials}
 * for the seed and the kill moments), and two {@code up} runs started at once on the same database.
 */
class FaultClickHouseIT {

    // ---- kill -9 during up ---------------------------------------------------------------------------------------

    @Test
    void killNineDuringUpOnClickHouseShowsTheRightDirtyVersionAndLockAndForcePlusUpRecovers() throws Exception {
        Random random = new Random(SEED + 1);
        MavenProject project = MavenProject.copyOf("sample");
        writeClickHouseMigrations(project, MIGRATIONS);
        int dirtyTrials = 0;
        int lockedTrials = 0;
        for (int trial = 0; trial < KILL_TRIALS; trial++) {
            String url = TestClickHouse.newDatabase("fault");
            try (Connection c = TestClickHouse.connect(url)) {
                Running up = project.start(onClickHouse(url, "brokle-migrate:up"));
                Kill kill = killAtRandomMoment(up, random, trial, "clickhouse");
                String context = "clickhouse trial " + trial + " (" + kill + ", seed " + SEED + "): ";

                Set<Long> ids = clickHouseRecorded(c);
                int recorded = assertPrefix(ids, context);
                Optional<Version> state = clickHouseVersion(c);
                List<String> locks = clickHouseLocks(c);
                // the migration that was running when the process died, if it left the database dirty
                long dirtyAt = state.filter(Version::dirty).map(Version::version).orElse(0L);
                if (dirtyAt == 0) {
                    assertEquals(recorded == 0 ? Optional.empty() : Optional.of(new Version(recorded, false)), state,
                            context + "a clean schema_migrations must name the last recorded migration");
                } else {
                    assertTrue(dirtyAt == recorded + 1 || dirtyAt == recorded, context + "dirty at " + dirtyAt
                            + " but " + recorded + " recorded: it must be the migration that was running");
                }
                long complete = dirtyAt == 0 ? recorded : dirtyAt - 1;
                for (int i = 1; i <= MIGRATIONS; i++) {
                    Set<String> objects = clickHouseObjects(c, i);
                    if (i <= complete) {
                        assertEquals(ClickHouseObjects.ALL, objects, context + "migration " + i + " must be complete");
                    } else if (i > Math.max(complete, dirtyAt)) {
                        assertEquals(Set.of(), objects, context + "migration " + i + " must not have started");
                    }
                }
                for (String pid : clickHouseLockPids(c)) {
                    assertEquals(String.valueOf(kill.javaPid), pid,
                            context + "the lock " + locks + " must name the killed JVM (pid " + kill.javaPid + ")");
                }

                // 1. status shows the state and the stale lock; up refuses with the message that names the fix
                String[] statusThenUp = onClickHouse(url, "brokle-migrate:status", "brokle-migrate:up",
                        "-Dbrokle.migrate.lockWaitSeconds=1");
                BuildResult first = project.run(statusThenUp);
                if (dirtyAt != 0) {
                    dirtyTrials++;
                    first.assertLogContains("[clickhouse] DIRTY  version " + dirtyAt + " (dirty)");
                } else {
                    first.assertLogContains("[clickhouse] " + (recorded == MIGRATIONS ? "HEALTHY" : "PENDING")
                            + "  version " + (recorded == 0 ? "none" : recorded) + " (clean), " + recorded
                            + " applied");
                }
                if (!locks.isEmpty()) {
                    lockedTrials++;
                    first.assertFailure()
                            .assertLogContains("[clickhouse]   locked by holder " + locks.get(0) + " (")
                            .assertLogContains(", pid " + kill.javaPid + " on ")
                            .assertLogContains(" since ")
                            .assertLogContains("[clickhouse] another migration holds the lock (holder " + locks.get(0))
                            .assertLogContains("did not finish within 1 s")
                            .assertLogContains("run: mvn brokle-migrate:unlock -Dbrokle.migrate.db=clickhouse "
                                    + "-Dbrokle.migrate.holder=" + locks.get(0));
                } else if (dirtyAt != 0) {
                    first.assertFailure().assertLogContains("Dirty database version " + dirtyAt + " on clickhouse");
                } else {
                    first.assertSuccess().assertLogLacks("locked by");
                }

                // 2. unlock (if locked), force to the last fully applied version (if dirty), then up
                if (!locks.isEmpty() || dirtyAt != 0) {
                    List<String> repair = new ArrayList<>();
                    if (!locks.isEmpty()) {
                        repair.addAll(List.of("brokle-migrate:unlock", "-Dbrokle.migrate.holder=" + locks.get(0)));
                    }
                    if (dirtyAt != 0) {
                        repair.addAll(List.of("brokle-migrate:force", "-Dbrokle.migrate.version=" + (dirtyAt - 1)));
                    }
                    repair.addAll(List.of("brokle-migrate:up", "-Dbrokle.migrate.confirm=yes"));
                    BuildResult second = project.run(onClickHouse(url, repair.toArray(String[]::new))).assertSuccess();
                    if (!locks.isEmpty()) {
                        second.assertLogContains("[clickhouse] released the migration lock of holder " + locks.get(0));
                    }
                    if (dirtyAt != 0) {
                        second.assertLogContains("[clickhouse] forced to version " + (dirtyAt - 1) + " (clean)");
                    }
                }

                assertEquals(MIGRATIONS, assertPrefix(clickHouseRecorded(c), context + "after recovery: "));
                assertEquals(MIGRATIONS, clickHouseChangeLogRows(c), context + "each migration recorded once");
                assertEquals(Optional.of(new Version(MIGRATIONS, false)), clickHouseVersion(c), context);
                assertEquals(List.of(), clickHouseLocks(c), context + "the lock must be free");
                for (int i = 1; i <= MIGRATIONS; i++) {
                    assertEquals(ClickHouseObjects.ALL, clickHouseObjects(c, i), context + "migration " + i);
                }
            }
        }
        System.out.println("FaultIT clickhouse: " + dirtyTrials + " of " + KILL_TRIALS + " kills left the database "
                + "dirty, " + lockedTrials + " left a lock row");
        assertTrue(dirtyTrials > 0 && lockedTrials > 0, "no kill exercised the dirty/lock recovery (seed " + SEED
                + ")");
    }

    // ---- two up runs at once ----------------------------------------------------------------------------------

    @Test
    void concurrentUpOnClickHouseAppliesEachMigrationOnceWithoutDeadlock() throws Exception {
        MavenProject project = MavenProject.copyOf("sample");
        writeClickHouseMigrations(project, CONCURRENT_MIGRATIONS);
        for (int trial = 0; trial < CONCURRENT_TRIALS; trial++) {
            String url = TestClickHouse.newDatabase("race");
            String[] up = onClickHouse(url, "brokle-migrate:up");
            String context = "clickhouse trial " + trial + ": ";
            assertEachAppliedOnce(project.start(up), project.start(up), context);
            try (Connection c = TestClickHouse.connect(url)) {
                assertEquals(CONCURRENT_MIGRATIONS, assertPrefix(clickHouseRecorded(c), context));
                assertEquals(CONCURRENT_MIGRATIONS, clickHouseChangeLogRows(c),
                        context + "each migration recorded once");
                assertEquals(Optional.of(new Version(CONCURRENT_MIGRATIONS, false)), clickHouseVersion(c), context);
                assertEquals(List.of(), clickHouseLocks(c), context + "the lock must be free");
            }
        }
    }

    // ---- migration set ----------------------------------------------------------------------------------------

    /**
     * Migration i creates table fault_i, adds a column and creates a view over it, with a pause after the first:
     * ClickHouse has no transactions, so a kill leaves part of it. Every statement is idempotent, so re-running it
     * after {@code force} is safe.
     */
    private static void writeClickHouseMigrations(MavenProject project, int count) {
        for (int i = 1; i <= count; i++) {
            String sql = "CREATE TABLE IF NOT EXISTS fault_" + i + " (id UInt32, note String) ENGINE = MergeTree "
                    + "ORDER BY id;\n"
                    + "SELECT sleep(0.05);\n"
                    + "ALTER TABLE fault_" + i + " ADD COLUMN IF NOT EXISTS extra String DEFAULT 'x';\n"
                    + "CREATE VIEW IF NOT EXISTS fault_" + i + "_view AS SELECT id, extra FROM fault_" + i + ";\n";
            project.write(String.format("migrations/clickhouse/%06d_fault_%d.up.sql", i, i), sql);
        }
    }
    // ---- ClickHouse state -------------------------------------------------------------------------------------

    /** Goals and properties, then the ClickHouse datasource's properties. */
    private static String[] onClickHouse(String url, String... goalsAndProperties) {
        List<String> args = new ArrayList<>(List.of(goalsAndProperties));
        args.addAll(List.of("-Dbrokle.migrate.db=clickhouse", "-Dbrokle.migrate.clickhouse.url=" + url));
        return args.toArray(String[]::new);
    }

    private static final class ClickHouseObjects {
        static final Set<String> ALL = Set.of("table", "column", "view");
    }

    private static Set<String> clickHouseObjects(Connection c, int i) throws SQLException {
        Set<String> objects = new HashSet<>();
        if (chLong(c, "SELECT count() FROM system.tables WHERE database = currentDatabase() AND name = 'fault_"
                + i + "'") == 1) {
            objects.add("table");
        }
        if (chLong(c, "SELECT count() FROM system.columns WHERE database = currentDatabase() AND table = 'fault_"
                + i + "' AND name = 'extra'") == 1) {
            objects.add("column");
        }
        if (chLong(c, "SELECT count() FROM system.tables WHERE database = currentDatabase() AND name = 'fault_"
                + i + "_view'") == 1) {
            objects.add("view");
        }
        return objects;
    }

    private static boolean chTableExists(Connection c, String table) throws SQLException {
        return chLong(c, "SELECT count() FROM system.tables WHERE database = currentDatabase() AND name = '"
                + table + "'") == 1;
    }

    private static Set<Long> clickHouseRecorded(Connection c) throws SQLException {
        Set<Long> recorded = new HashSet<>();
        if (chTableExists(c, "DATABASECHANGELOG")) {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT ID FROM DATABASECHANGELOG")) {
                while (rs.next()) {
                    recorded.add(Long.parseLong(rs.getString(1).substring(0, 6)));
                }
            }
        }
        return recorded;
    }

    private static long clickHouseChangeLogRows(Connection c) throws SQLException {
        return chLong(c, "SELECT count() FROM DATABASECHANGELOG");
    }

    /** The golang-migrate state: the row with the highest sequence; version -1 means none applied. */
    private static Optional<Version> clickHouseVersion(Connection c) throws SQLException {
        if (!chTableExists(c, "schema_migrations")) {
            return Optional.empty();
        }
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, dirty FROM schema_migrations ORDER BY sequence DESC "
                     + "LIMIT 1")) {
            if (!rs.next() || rs.getLong(1) == -1) {
                return Optional.empty();
            }
            return Optional.of(new Version(rs.getLong(1), rs.getInt(2) != 0));
        }
    }

    /** The holder ids of the ClickHouse lock: its table's comment names the holder ("...; holder=ID; ..."). */
    private static List<String> clickHouseLocks(Connection c) throws SQLException {
        return clickHouseLockField(c, "holder=([0-9a-f-]+)");
    }

    /** The process ids the ClickHouse lock's comment names ("...; pid=N; ..."). */
    private static List<String> clickHouseLockPids(Connection c) throws SQLException {
        return clickHouseLockField(c, "pid=([0-9]+)");
    }

    private static List<String> clickHouseLockField(Connection c, String pattern) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT extract(comment, '" + pattern + "') FROM system.tables "
                     + "WHERE database = currentDatabase() AND name = 'schema_migrations_lock_held'")) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static long chLong(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
