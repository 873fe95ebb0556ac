package ai.brokle.migrate.it;

import ai.brokle.migrate.it.FaultTrials.Kill;
import ai.brokle.migrate.it.FaultTrials.Version;
import ai.brokle.migrate.it.MavenProject.BuildResult;
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
import java.util.concurrent.TimeUnit;

import static ai.brokle.migrate.it.FaultTrials.CONCURRENT_MIGRATIONS;
import static ai.brokle.migrate.it.FaultTrials.CONCURRENT_TRIALS;
import static ai.brokle.migrate.it.FaultTrials.KILL_TRIALS;
import static ai.brokle.migrate.it.FaultTrials.MIGRATIONS;
import static ai.brokle.migrate.it.FaultTrials.SEED;
import static ai.brokle.migrate.it.FaultTrials.assertEachAppliedOnce;
import static ai.brokle.migrate.it.FaultTrials.assertPrefix;
import static ai.brokle.migrate.it.FaultTrials.killAtRandomMoment;
import static ai.brokle.migrate.it.FaultTrials.pause;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Faults on PostgreSQL: the Maven JVM killed with SIGKILL at random moments during {@code up} (see {@link FaultTrials}
 * for the seed and the kill moments), and two {@code up} runs started at once on the same database.
 */
class FaultPostgresIT {

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

    // ---- migration set ----------------------------------------------------------------------------------------

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
    // ---- PostgreSQL state -------------------------------------------------------------------------------------

    /** Goals and properties, then the PostgreSQL datasource's properties. */
    private static String[] onPostgres(String url, String... goalsAndProperties) {
        List<String> args = new ArrayList<>(List.of(goalsAndProperties));
        args.addAll(List.of("-Dbrokle.migrate.db=postgres", "-Dbrokle.migrate.postgres.url=" + url,
                "-Dbrokle.migrate.postgres.username=" + TestPostgres.USER));
        return args.toArray(String[]::new);
    }

    private record PostgresState(Set<Long> recorded, int rows, Optional<Version> version) {
        /** @return how many migrations are recorded; they must be exactly 1..n */
        int assertRecordedPrefix(String context) {
            assertEquals(recorded.size(), rows, context + "DATABASECHANGELOG ids must be unique");
            return assertPrefix(recorded, context);
        }
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
}
