package ai.brokle.migrate.it;

import ai.brokle.migrate.testing.TestClickHouse;
import ai.brokle.migrate.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The goals on ClickHouse (the project's chdb endpoint) and on both datasources at once, as real mvn builds. */
class ClickHouseGoalsIT {

    private static final int SAMPLE_COUNT = MavenProject.sampleMigrationCount("migrations/clickhouse");

    private final String url = TestClickHouse.newDatabase("it");

    private String[] goal(String goal, String... properties) {
        List<String> args = new ArrayList<>(List.of("brokle-migrate:" + goal, "-Dbrokle.migrate.db=clickhouse",
                "-Dbrokle.migrate.clickhouse.url=" + url));
        args.addAll(List.of(properties));
        return args.toArray(String[]::new);
    }

    @Test
    void upDownAllUpRoundTripOfTheSampleSet() throws Exception {
        MavenProject project = MavenProject.copyOf("sample").withSampleMigrations();
        project.run(goal("up")).assertSuccess()
                .assertLogContains("[clickhouse] applied 000001_create_traces (")
                .assertLogContains("applied " + SAMPLE_COUNT + " migration(s)");
        assertEquals(SAMPLE_COUNT, latestVersion());
        project.run(goal("status")).assertSuccess().assertLogContains("[clickhouse] HEALTHY  version " + SAMPLE_COUNT);

        project.run(goal("down")).assertFailure().assertLogContains("Refusing to rollback 1 migration(s) on clickhouse");
        project.run(goal("down", "-Dbrokle.migrate.steps=" + SAMPLE_COUNT, "-Dbrokle.migrate.confirm=yes"))
                .assertSuccess().assertLogContains("rolled back " + SAMPLE_COUNT + " migration(s)");
        assertEquals(0, scalar("SELECT count() FROM system.tables WHERE database = currentDatabase() AND name NOT IN "
                + "('DATABASECHANGELOG', 'DATABASECHANGELOGLOCK', 'schema_migrations', 'schema_migrations_lock')"));
        assertEquals(-1, latestVersion(), "golang-migrate records 'nothing applied' as version -1");

        project.run(goal("up")).assertSuccess().assertLogContains("applied " + SAMPLE_COUNT + " migration(s)");
        assertEquals(SAMPLE_COUNT, latestVersion());
    }

    @Test
    void secondStatementFailureIsNamedLeavesDirtyAndForceRecovers() throws Exception {
        MavenProject project = MavenProject.copyOf("sample");
        project.write("migrations/clickhouse/000001_events.up.sql",
                "CREATE TABLE events (id String) ENGINE = MergeTree ORDER BY id;\n\n"
                        + "ALTER TABLE events ADD COLUMN broken NoSuchType;\n");
        project.write("migrations/clickhouse/000001_events.down.sql", "DROP TABLE IF EXISTS events;\n");
        project.run(goal("up")).assertFailure()
                .assertLogContains("Migration 000001_events failed on clickhouse")
                .assertLogContains("000001_events.up.sql (up), statement 2 at line 3: ALTER TABLE events ADD COLUMN broken NoSuchType")
                .assertLogContains("marked dirty at version 1")
                .assertLogContains("mvn brokle-migrate:force -Dbrokle.migrate.db=clickhouse");
        project.run(goal("status")).assertSuccess().assertLogContains("[clickhouse] DIRTY  version 1 (dirty)")
                .assertLogContains("dirty at version 1 (failed in ")
                .assertLogContains("statement 2 at line 3: ALTER TABLE events ADD COLUMN broken NoSuchType)");
        project.run(goal("up")).assertFailure().assertLogContains("Dirty database version 1 on clickhouse");

        project.write("migrations/clickhouse/000001_events.up.sql",
                "CREATE TABLE IF NOT EXISTS events (id String) ENGINE = MergeTree ORDER BY id;\n\n"
                        + "ALTER TABLE events ADD COLUMN IF NOT EXISTS ok String;\n");
        project.run(goal("force", "-Dbrokle.migrate.version=0", "-Dbrokle.migrate.confirm=yes")).assertSuccess();
        project.run(goal("up")).assertSuccess().assertLogContains("[clickhouse] applied 000001_events (");
        assertEquals(1, latestVersion());
    }

    @Test
    void nativeUrlIsMappedCreateUsesTheClickHouseTemplateAndClusterIsInTheDryRun() throws Exception {
        MavenProject project = MavenProject.copyOf("sample").withSampleMigrations();
        String database = url.substring(url.lastIndexOf('/') + 1);
        project.run("brokle-migrate:status", "-Dbrokle.migrate.db=clickhouse",
                        "-Dbrokle.migrate.clickhouse.url=clickhouse://default:@127.0.0.1:9000/" + database
                                + "?x-multi-statement=true",
                        "-Dbrokle.migrate.clickhouse.httpPort=" + TestClickHouse.port())
                .assertSuccess()
                .assertLogContains("ClickHouse URL uses native port 9000; connecting over HTTP port " + TestClickHouse.port())
                .assertLogContains("Overall Status: PENDING")
                .assertLogLacks("x-multi-statement");

        project.run(goal("up", "-Dbrokle.migrate.dryRun=true", "-Dbrokle.migrate.clickhouse.cluster=brokle_cluster"))
                .assertSuccess()
                .assertLogContains("CREATE TABLE IF NOT EXISTS DATABASECHANGELOG ON CLUSTER `brokle_cluster`")
                .assertLogContains("ENGINE = ReplicatedMergeTree ORDER BY sequence")
                .assertLogContains("CREATE TABLE IF NOT EXISTS traces");
        assertEquals(0, scalar("SELECT count() FROM system.tables WHERE database = currentDatabase()"));

        project.run("brokle-migrate:create", "-Dbrokle.migrate.db=clickhouse", "-Dbrokle.migrate.name=add_metrics_table")
                .assertSuccess();
        Path created = project.dir.resolve(String.format("migrations/clickhouse/%06d_add_metrics_table.up.sql",
                SAMPLE_COUNT + 1));
        assertTrue(Files.readString(created).contains("-- ClickHouse Migration: add_metrics_table"));
    }

    @Test
    void allDatasourcesUpPostgresFirstAndDownClickHouseFirst() throws Exception {
        MavenProject project = MavenProject.copyOf("sample").withSampleMigrations();
        String pgUrl = TestPostgres.newDatabase("all");
        String[] both = {"-Dbrokle.migrate.db=all", "-Dbrokle.migrate.postgres.url=" + pgUrl,
                "-Dbrokle.migrate.postgres.username=" + TestPostgres.USER, "-Dbrokle.migrate.clickhouse.url=" + url};
        String log = project.run(with("brokle-migrate:up", both)).assertSuccess().log();
        assertTrue(log.indexOf("[postgres] applied") < log.indexOf("[clickhouse] applied"), "PostgreSQL first");
        project.run(with("brokle-migrate:status", both)).assertSuccess().assertLogContains("Overall Status: HEALTHY");

        String down = project.run(with("brokle-migrate:down", both, "-Dbrokle.migrate.confirm=yes")).assertSuccess().log();
        assertTrue(down.indexOf("[clickhouse] rolled back") < down.indexOf("[postgres] rolled back"), "ClickHouse first");
        assertEquals(SAMPLE_COUNT - 1, latestVersion());
        project.run(with("brokle-migrate:up", both)).assertSuccess()
                .assertLogContains("[postgres] applied 000011_add_organization_billing_fields (")
                .assertLogContains("[clickhouse] applied 000007_create_gateway_request_logs (");
    }

    @Test
    void infoGotoDropResetAndUnlockOnClickHouse() throws Exception {
        MavenProject project = MavenProject.copyOf("sample").withSampleMigrations();
        project.run(goal("info")).assertSuccess()
                .assertLogContains("[clickhouse] driver: ClickHouse JDBC")
                .assertLogContains("Overall Status: PENDING");
        project.run(goal("goto", "-Dbrokle.migrate.version=3")).assertSuccess();
        assertEquals(3, latestVersion());
        project.run(goal("goto", "-Dbrokle.migrate.version=1")).assertFailure()
                .assertLogContains("Refusing to rollback 2 migration(s) on clickhouse");
        project.run(goal("goto", "-Dbrokle.migrate.version=1", "-Dbrokle.migrate.confirm=yes")).assertSuccess();
        assertEquals(1, latestVersion());
        project.run(goal("unlock")).assertSuccess().assertLogContains("[clickhouse] no change: the migration lock is free");

        String database = url.substring(url.lastIndexOf('/') + 1);
        project.run(goal("drop")).assertFailure()
                .assertLogContains("Refusing to DROP ALL TABLES (PERMANENT DATA LOSS) in clickhouse database " + database);
        assertTrue(scalar("SELECT count() FROM system.tables WHERE database = currentDatabase()") > 0);
        project.run(goal("drop", "-Dbrokle.migrate.confirm=yes")).assertSuccess();
        assertEquals(0, scalar("SELECT count() FROM system.tables WHERE database = currentDatabase()"));
        project.run(goal("up")).assertSuccess();
        project.run(goal("reset", "-Dbrokle.migrate.confirm=yes")).assertSuccess();
        assertEquals(0, scalar("SELECT count() FROM system.tables WHERE database = currentDatabase()"));
    }

    private static String[] with(String goal, String[] properties, String... more) {
        List<String> args = new ArrayList<>(List.of(goal));
        args.addAll(List.of(properties));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private long latestVersion() throws SQLException {
        return scalar("SELECT version FROM schema_migrations ORDER BY sequence DESC LIMIT 1");
    }

    private long scalar(String sql) throws SQLException {
        try (Connection c = TestClickHouse.connect(url); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
