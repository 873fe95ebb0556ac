package ai.brokle.migrate.it;

import ai.brokle.migrate.it.MavenProject.BuildResult;
import ai.brokle.migrate.it.MavenProject.Running;
import ai.brokle.migrate.testing.TestClickHouse;
import ai.brokle.migrate.testing.TestPostgres;
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
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Faults a release pipeline meets: the Maven JVM killed with SIGKILL at random moments during {@code up}, and two
 * {@code up} runs started at once on the same database. Kill moments are chosen by a seeded {@link Random}; the seed
 * is printed, and {@code -Dit.fault.seed=N} replays a run.
 *
 * <p>A kill moment is "a random point of progress plus a random delay": after the mojo started (connect, lock,
 * tracking tables), or after the k-th "applied" line, then up to about one migration's duration more. So the kills
 * land inside the run whatever the speed of the machine, between and inside migrations.
 */
class FaultIT {

    private static final long SEED = Long.getLong("it.fault.seed", System.nanoTime());
    private static final int MIGRATIONS = 30;
    private static final int KILL_TRIALS = 10;
    private static final int CONCURRENT_TRIALS = 5;
    private static final int CONCURRENT_MIGRATIONS = 12;
    private static final Pattern APPLIED = Pattern.compile("\\] applied (\\d{6})_fault_\\d+ \\(");

    static {
        System.out.println("FaultIT seed: " + SEED + " (replay with -Dit.fault.seed=" + SEED + ")");
    }

    // ---- kill -9 during up ---------------------------------------------------------------------------------------

    @Test
    void killNineDuringUpOnPostgresNeverLeavesAHalfAppliedMigrationAndTheNextUpCompletes() throws Exception {
        Random random = new Random(SEED);
        MavenProject project = MavenProject.copyOf("sample");
        writePostgresMigrations(project, MIGRATIONS);
        int interrupted = 0;
        for (int trial = 0; trial < KILL_TRIALS; trial++) {
            String url = TestPostgres.newDatabase("fault");
            String[] up = onPostgres(url, "brokle-migrate:up");
            try (Connection c = TestPostgres.connect(url)) {
                Kill kill = killAtRandomMoment(project.start(up), random, trial, "postgres");

                awaitNoOtherSessions(c);
                PostgresState state = postgresState(c);
                String context = "postgres trial " + trial + " (" + kill + ", seed " + SEED + "): ";
                int recorded = state.assertRecordedPrefix(context);
                for (int i = 1; i <= MIGRATIONS; i++) {
                    assertEquals(i <= recorded ? PostgresObjects.ALL : PostgresObjects.NONE, postgresObjects(c, i),
                            context + "migration " + i + " must be all or nothing (" + recorded + " recorded)");
                }
                if (recorded == 0) {
                    assertTrue(state.version.isEmpty(), context + "schema_migrations must be empty: " + state.version);
                } else {
                    assertEquals(Optional.of(new Version(recorded, false)), state.version,
                            context + "schema_migrations must be the last recorded version, clean");
                }
                if (recorded > 0 && recorded < MIGRATIONS) {
                    interrupted++;
                }

                BuildResult next = project.run(up).assertSuccess();
                next.assertLogContains(recorded == MIGRATIONS ? "[postgres] no change"
                        : "applied " + (MIGRATIONS - recorded) + " migration(s)");
                PostgresState after = postgresState(c);
                assertEquals(MIGRATIONS, after.assertRecordedPrefix(context + "after the next up: "));
                assertEquals(Optional.of(new Version(MIGRATIONS, false)), after.version, context);
                for (int i = 1; i <= MIGRATIONS; i++) {
                    assertEquals(PostgresObjects.ALL, postgresObjects(c, i), context + "migration " + i + " after up");
                }
            }
        }
        System.out.println("FaultIT postgres: " + interrupted + " of " + KILL_TRIALS + " kills landed between the "
                + "first and the last migration");
        assertTrue(interrupted > 0, "no kill landed mid-run (seed " + SEED + ")");
    }

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
    void concurrentUpOnPostgresAppliesEachMigrationOnceWithoutDeadlock() throws Exception {
        MavenProject project = MavenProject.copyOf("sample");
        writePostgresMigrations(project, CONCURRENT_MIGRATIONS);
        for (int trial = 0; trial < CONCURRENT_TRIALS; trial++) {
            String url = TestPostgres.newDatabase("race");
            String[] up = onPostgres(url, "brokle-migrate:up");
            String context = "postgres trial " + trial + ": ";
            assertEachAppliedOnce(project.start(up), project.start(up), context);
            try (Connection c = TestPostgres.connect(url)) {
                PostgresState state = postgresState(c);
                assertEquals(CONCURRENT_MIGRATIONS, state.assertRecordedPrefix(context));
                assertEquals(Optional.of(new Version(CONCURRENT_MIGRATIONS, false)), state.version, context);
            }
        }
    }

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

    /**
     * Both builds succeed within the timeout (no deadlock) and, between them, apply every migration exactly once: one
     * applies them all, the other waits for the lock and then has nothing to do.
     */
    private static void assertEachAppliedOnce(Running a, Running b, String context) {
        BuildResult first = a.await(3, TimeUnit.MINUTES).assertSuccess();
        BuildResult second = b.await(3, TimeUnit.MINUTES).assertSuccess();
        List<Integer> applied = new ArrayList<>();
        for (BuildResult result : List.of(first, second)) {
            Matcher m = APPLIED.matcher(result.log());
            while (m.find()) {
                applied.add(Integer.parseInt(m.group(1)));
            }
        }
        applied.sort(null);
        List<Integer> expected = new ArrayList<>();
        for (int i = 1; i <= CONCURRENT_MIGRATIONS; i++) {
            expected.add(i);
        }
        assertEquals(expected, applied, context + "the two runs together apply each migration exactly once");
        // the lock is held for the whole run: the loser waits, then finds nothing to do
        long noChange = Stream.of(first, second).filter(r -> r.log().contains("no change: " + CONCURRENT_MIGRATIONS
                + " of " + CONCURRENT_MIGRATIONS + " migrations applied")).count();
        assertEquals(1, noChange, context + "exactly one run must find nothing to do");
    }

    // ---- killing ----------------------------------------------------------------------------------------------

    /** When and whom a trial killed. */
    private record Kill(String moment, long javaPid) {
        @Override
        public String toString() {
            return "killed " + moment;
        }
    }

    /**
     * Waits for a random point of progress (trial 0: the mojo's start; the last trial: the last migration but one
     * applied; otherwise after a random number of applied migrations), waits 0-50 ms (PostgreSQL) or 0-80 ms
     * (ClickHouse) more, 0-400 ms after the mojo's start, then SIGKILLs the Maven JVM. Should the run end on its own
     * in that moment, the trial checks the finished state instead.
     */
    private static Kill killAtRandomMoment(Running running, Random random, int trial, String datasource) {
        int after = trial == 0 ? -1 : trial == KILL_TRIALS - 1 ? MIGRATIONS - 1 : random.nextInt(MIGRATIONS - 1);
        // up to about one migration's duration (PostgreSQL ~55 ms, ClickHouse ~120 ms), so the kill lands inside it
        int extraMillis = random.nextInt(trial == 0 ? 400 : datasource.equals("postgres") ? 50 : 80);
        String marker = after < 0 ? "brokle-migrate-maven-plugin:" : after == 0 ? "[" + datasource + "] applying "
                : "[" + datasource + "] applied " + String.format("%06d_fault_%d (", after, after);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!running.log().contains(marker)) {
            if (!running.process().isAlive()) {
                fail("mvn ended before \"" + marker + "\" (trial " + trial + ", seed " + SEED + "); "
                        + running.logFile() + ":\n" + running.log());
            }
            if (System.nanoTime() > deadline) {
                running.process().descendants().forEach(ProcessHandle::destroyForcibly);
                running.process().destroyForcibly();
                fail("no \"" + marker + "\" within 2 minutes; see " + running.logFile());
            }
            pause(5);
        }
        pause(extraMillis);
        // The mvn script exec's the JVM, so the process is usually the JVM itself; with a wrapper it is a child.
        List<ProcessHandle> jvms = Stream.concat(Stream.of(running.process().toHandle()),
                running.process().descendants()).filter(FaultIT::isJava).toList();
        running.process().descendants().forEach(ProcessHandle::destroyForcibly); // SIGKILL on Linux
        running.process().destroyForcibly();
        try {
            running.process().waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        if (running.process().exitValue() == 0) {
            // the run ended on its own just before the kill: a legitimate moment, after which nothing is pending
            System.out.println("FaultIT " + datasource + " trial " + trial + ": the run finished before the kill");
            return new Kill("after the run finished", -1);
        }
        assertEquals(137, running.process().exitValue(), "mvn must have died of SIGKILL; see " + running.logFile());
        assertEquals(1, jvms.size(), "mvn runs exactly one JVM: " + jvms);
        long javaPid = jvms.get(0).pid();
        String moment = (after < 0 ? "at mojo start" : after == 0 ? "when applying began"
                : "after migration " + after) + " + " + extraMillis + " ms";
        System.out.println("FaultIT " + datasource + " trial " + trial + ": " + moment + " (java pid " + javaPid
                + ")");
        return new Kill(moment, javaPid);
    }

    private static boolean isJava(ProcessHandle process) {
        return process.info().command().map(c -> c.endsWith("/java")).orElse(false);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    // ---- migration sets ---------------------------------------------------------------------------------------

    /**
     * Migration i creates table fault_i with an index and a row, and adds a column to fault_(i-1): several
     * statements with a pause in the middle, so a kill can land inside one.
     */
    private static void writePostgresMigrations(MavenProject project, int count) {
        for (int i = 1; i <= count; i++) {
            StringBuilder sql = new StringBuilder()
                    .append("CREATE TABLE fault_").append(i).append(" (id integer PRIMARY KEY, note text);\n")
                    .append("SELECT pg_sleep(0.05);\n")
                    .append("CREATE INDEX fault_").append(i).append("_note ON fault_").append(i).append(" (note);\n")
                    .append("INSERT INTO fault_").append(i).append(" VALUES (").append(i).append(", 'row ")
                    .append(i).append("');\n");
            if (i > 1) {
                sql.append("ALTER TABLE fault_").append(i - 1).append(" ADD COLUMN added_by_").append(i)
                        .append(" integer;\n");
            }
            project.write(String.format("migrations/%06d_fault_%d.up.sql", i, i), sql.toString());
        }
    }

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

    // ---- PostgreSQL state -------------------------------------------------------------------------------------

    /** Goals and properties, then the PostgreSQL datasource's properties. */
    private static String[] onPostgres(String url, String... goalsAndProperties) {
        List<String> args = new ArrayList<>(List.of(goalsAndProperties));
        args.addAll(List.of("-Dbrokle.migrate.db=postgres", "-Dbrokle.migrate.postgres.url=" + url,
                "-Dbrokle.migrate.postgres.username=" + TestPostgres.USER));
        return args.toArray(String[]::new);
    }

    private record Version(long version, boolean dirty) {
    }

    private record PostgresState(Set<Long> recorded, int rows, Optional<Version> version) {
        /** @return how many migrations are recorded; they must be exactly 1..n */
        int assertRecordedPrefix(String context) {
            assertEquals(recorded.size(), rows, context + "DATABASECHANGELOG ids must be unique");
            return assertPrefix(recorded, context);
        }
    }

    private static int assertPrefix(Set<Long> versions, String context) {
        Set<Long> expected = new TreeSet<>();
        for (long v = 1; v <= versions.size(); v++) {
            expected.add(v);
        }
        assertEquals(expected, new TreeSet<>(versions), context + "recorded migrations must be 1..n in order");
        return versions.size();
    }

    /** A killed client's backend may take a moment to notice and roll back; its session must then be gone. */
    private static void awaitNoOtherSessions(Connection c) throws SQLException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (pgLong(c, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                + "AND backend_type = 'client backend' AND pid <> pg_backend_pid()") > 0) {
            if (System.nanoTime() > deadline) {
                fail("the killed run's PostgreSQL session is still open after 30 s");
            }
            pause(20);
        }
    }

    private static PostgresState postgresState(Connection c) throws SQLException {
        Set<Long> recorded = new HashSet<>();
        int rows = 0;
        if (pgLong(c, "SELECT count(*) FROM pg_tables WHERE tablename = 'databasechangelog'") == 1) {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT id FROM databasechangelog")) {
                while (rs.next()) {
                    rows++;
                    recorded.add(Long.parseLong(rs.getString(1).substring(0, 6)));
                }
            }
        }
        Optional<Version> version = Optional.empty();
        if (pgLong(c, "SELECT count(*) FROM pg_tables WHERE tablename = 'schema_migrations'") == 1) {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT version, dirty FROM schema_migrations")) {
                if (rs.next()) {
                    version = Optional.of(new Version(rs.getLong(1), rs.getBoolean(2)));
                    assertFalse(rs.next(), "schema_migrations must hold one row");
                }
            }
        }
        return new PostgresState(recorded, rows, version);
    }

    private enum PostgresObjects { ALL, NONE, PARTIAL }

    /** Whether migration i's table, index, row and column on the previous table all exist, none, or some. */
    private static PostgresObjects postgresObjects(Connection c, int i) throws SQLException {
        List<Boolean> parts = new ArrayList<>();
        boolean table = pgLong(c, "SELECT count(*) FROM pg_tables WHERE tablename = 'fault_" + i + "'") == 1;
        parts.add(table);
        parts.add(pgLong(c, "SELECT count(*) FROM pg_indexes WHERE indexname = 'fault_" + i + "_note'") == 1);
        parts.add(table && pgLong(c, "SELECT count(*) FROM fault_" + i) == 1);
        if (i > 1) {
            parts.add(pgLong(c, "SELECT count(*) FROM information_schema.columns WHERE table_name = 'fault_"
                    + (i - 1) + "' AND column_name = 'added_by_" + i + "'") == 1);
        }
        return parts.stream().allMatch(p -> p) ? PostgresObjects.ALL
                : parts.stream().noneMatch(p -> p) ? PostgresObjects.NONE : PostgresObjects.PARTIAL;
    }

    private static long pgLong(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
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
