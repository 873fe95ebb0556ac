package ai.brokle.migrate.it;

import ai.brokle.migrate.it.MavenProject.BuildResult;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every goal of the plugin, run as a user runs it ({@code mvn -B brokle-migrate:<goal>}), on a real PostgreSQL. */
class PostgresGoalsIT {

    private static final int SAMPLE_COUNT = MavenProject.sampleMigrationCount("migrations");

    private final String url = TestPostgres.newDatabase("it");

    private String[] goal(String goal, String... properties) {
        List<String> args = new ArrayList<>(List.of("brokle-migrate:" + goal, "-Dbrokle.migrate.db=postgres",
                "-Dbrokle.migrate.postgres.url=" + url, "-Dbrokle.migrate.postgres.username=" + TestPostgres.USER));
        args.addAll(List.of(properties));
        return args.toArray(String[]::new);
    }

    @Test
    void upDownAllUpRoundTripOfTheSampleSet() throws Exception {
        MavenProject project = MavenProject.copyOf("sample").withSampleMigrations();

        project.run(goal("up")).assertSuccess()
                .assertLogContains("[postgres] applied 000001_create_update_updated_at_function (")
                .assertLogContains("applied " + SAMPLE_COUNT + " migration(s)");
        assertEquals(SAMPLE_COUNT, schemaVersion());
        assertEquals(SAMPLE_COUNT, count("SELECT count(*) FROM databasechangelog"));
        assertTrue(count("SELECT count(*) FROM information_schema.tables WHERE table_name = 'api_keys'") == 1);

        project.run(goal("status")).assertSuccess().assertLogContains("Overall Status: HEALTHY");

        project.run(goal("down", "-Dbrokle.migrate.steps=" + SAMPLE_COUNT, "-Dbrokle.migrate.confirm=yes"))
                .assertSuccess().assertLogContains("rolled back " + SAMPLE_COUNT + " migration(s)");
        assertEquals(0, count("SELECT count(*) FROM schema_migrations"));
        assertEquals(0, count("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND "
                + "table_name NOT IN ('databasechangelog', 'databasechangeloglock', 'schema_migrations')"));

        project.run(goal("up")).assertSuccess().assertLogContains("applied " + SAMPLE_COUNT + " migration(s)");
        assertEquals(SAMPLE_COUNT, schemaVersion());
    }

    @Test
    void downInBatchModeIsRefusedWithoutConfirmationAndChangesNothing() throws Exception {
        MavenProject project = MavenProject.copyOf("sample").withSampleMigrations();
        project.run(goal("up")).assertSuccess();

        project.run(goal("down")).assertFailure()
                .assertLogContains("Refusing to rollback 1 migration(s) on postgres")
                .assertLogContains("-Dbrokle.migrate.confirm=yes");
        assertEquals(SAMPLE_COUNT, schemaVersion());

        project.run(goal("down", "-Dbrokle.migrate.steps=-1", "-Dbrokle.migrate.confirm=yes")).assertSuccess();
        assertEquals(SAMPLE_COUNT - 1, schemaVersion());
    }

    @Test
    void stepsDryRunNoChangeAndStatus() throws Exception {
        MavenProject project = MavenProject.copyOf("sample").withSampleMigrations();
        project.run(goal("up", "-Dbrokle.migrate.steps=2")).assertSuccess().assertLogContains("applied 2 migration(s)");
        assertEquals(2, schemaVersion());

        project.run(goal("up", "-Dbrokle.migrate.dryRun=true")).assertSuccess()
                .assertLogContains("CREATE TABLE IF NOT EXISTS organization_members")
                .assertLogContains("INSERT INTO public.databasechangelog")
                .assertLogContains("INSERT INTO \"schema_migrations\" (version, dirty) VALUES (" + SAMPLE_COUNT + ", false)")
                .assertLogContains("nothing changed");
        assertEquals(2, schemaVersion());

        project.run(goal("status")).assertSuccess()
                .assertLogContains("[postgres] PENDING  version 2 (clean), 2 applied, " + (SAMPLE_COUNT - 2) + " pending")
                .assertLogContains("pending: 000003_create_users")
                .assertLogContains("Overall Status: PENDING");

        project.run(goal("up")).assertSuccess();
        project.run(goal("up")).assertSuccess().assertLogContains("[postgres] no change");
    }

    @Test
    void createContinuesTheSequenceAndValidatesTheName() throws Exception {
        MavenProject project = MavenProject.copyOf("sample").withSampleMigrations();
        String next = String.format("%06d", SAMPLE_COUNT + 1);
        project.run("brokle-migrate:create", "-Dbrokle.migrate.name=add_feature_table").assertSuccess()
                .assertLogContains("created ");
        assertTrue(Files.exists(project.dir.resolve("migrations/" + next + "_add_feature_table.up.sql")));
        assertTrue(Files.exists(project.dir.resolve("migrations/" + next + "_add_feature_table.down.sql")));

        project.run("brokle-migrate:create", "-Dbrokle.migrate.name=Add-Feature").assertFailure()
                .assertLogContains("brokle.migrate.name=Add-Feature is not a valid migration name");

        project.run("brokle-migrate:create", "-Dbrokle.migrate.db=clickhouse", "-Dbrokle.migrate.name=add_metrics")
                .assertSuccess();
        try (Stream<Path> files = Files.list(project.dir.resolve("migrations/clickhouse"))) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().endsWith("_add_metrics.up.sql")));
        }
    }

    @Test
    void createUsesUtcTimestampsInATimestampDirectory() throws Exception {
        MavenProject project = MavenProject.copyOf("lifecycle-binding");
        project.run("brokle-migrate:create", "-Dbrokle.migrate.name=add_widget_owner").assertSuccess();
        try (Stream<Path> files = Files.list(project.dir.resolve("db/migrations"))) {
            assertTrue(files.map(f -> f.getFileName().toString())
                    .anyMatch(n -> n.matches("\\d{14}_add_widget_owner\\.up\\.sql") && !n.startsWith("2024")));
        }
    }

    @Test
    void infoMasksCredentialsAndWrongPasswordIsOneClearLine() throws Exception {
        MavenProject project = MavenProject.copyOf("sample").withSampleMigrations();
        String database = url.substring(url.lastIndexOf('/') + 1);
        String good = "postgres://" + TestPostgres.PASSWORD_USER + ":" + TestPostgres.PASSWORD + "@localhost:"
                + TestPostgres.port() + "/" + database + "?sslmode=disable";
        project.run("brokle-migrate:info", "-Dbrokle.migrate.db=postgres", "-Dbrokle.migrate.postgres.url=" + good)
                .assertSuccess()
                .assertLogContains("Liquibase 4.33.0")
                .assertLogContains("PostgreSQL JDBC 42.7")
                .assertLogContains("Overall Status: PENDING")
                .assertLogLacks(TestPostgres.PASSWORD);

        String wrong = good.replace(TestPostgres.PASSWORD, "wrong-" + TestPostgres.PASSWORD);
        project.run("brokle-migrate:up", "-Dbrokle.migrate.db=postgres", "-Dbrokle.migrate.postgres.url=" + wrong)
                .assertFailure()
                .assertLogContains("Cannot connect to postgres at jdbc:postgresql://localhost:" + TestPostgres.port())
                .assertLogContains("password authentication failed")
                .assertLogLacks(TestPostgres.PASSWORD);
        assertEquals(0, count("SELECT count(*) FROM information_schema.tables WHERE table_name = 'databasechangelog'"));
    }

    @Test
    void credentialsFromEnvironmentAndSettingsServer() throws Exception {
        MavenProject project = MavenProject.copyOf("sample").withSampleMigrations();
        String database = url.substring(url.lastIndexOf('/') + 1);
        project.env("DATABASE_URL", "postgres://postgres@localhost:" + TestPostgres.port() + "/" + database
                + "?sslmode=disable");
        project.run("brokle-migrate:up", "-Dbrokle.migrate.db=postgres", "-Dbrokle.migrate.steps=1").assertSuccess();
        assertEquals(1, schemaVersion());

        project.write("settings.xml", "<settings><servers><server><id>brokle-db</id><username>"
                + TestPostgres.PASSWORD_USER + "</username><password>" + TestPostgres.PASSWORD
                + "</password></server></servers></settings>");
        project.run("-s", "settings.xml", "brokle-migrate:up", "-Dbrokle.migrate.db=postgres",
                "-Dbrokle.migrate.postgres.url=jdbc:postgresql://localhost:" + TestPostgres.port() + "/" + database,
                "-Dbrokle.migrate.postgres.serverId=brokle-db").assertSuccess().assertLogLacks(TestPostgres.PASSWORD);
        assertEquals(SAMPLE_COUNT, schemaVersion());

        project.run("-s", "settings.xml", "brokle-migrate:status", "-Dbrokle.migrate.db=postgres",
                "-Dbrokle.migrate.postgres.serverId=brokle-db", "-Dbrokle.migrate.postgres.username=x")
                .assertFailure().assertLogContains("brokle.migrate.postgres.serverId");
    }

    @Test
    void badFileNamesAreAllReportedAndNothingIsApplied() throws Exception {
        MavenProject project = MavenProject.copyOf("bad-file-names");
        BuildResult result = project.run(goal("up")).assertFailure()
                .assertLogContains("invalid migration files (nothing was applied)");
        for (String file : List.of("1_x.sql", "abc_x.up.sql", "000002_.up.sql", "000003_orphan.down.sql")) {
            result.assertLogContains(file);
        }
        assertEquals(0, count("SELECT count(*) FROM information_schema.tables WHERE table_name = 'ok_table'"));
    }

    @Test
    void unknownPropertyAndBadValuesAreUserErrors() {
        MavenProject project = MavenProject.copyOf("sample").withSampleMigrations();
        project.run(goal("up", "-Dbrokle.migrate.stpes=2")).assertFailure()
                .assertLogContains("Unknown property brokle.migrate.stpes");
        project.run(goal("up", "-Dbrokle.migrate.steps=two")).assertFailure()
                .assertLogContains("for parameter steps: Cannot convert 'two' to int");
        project.run(goal("up", "-Dbrokle.migrate.dryRun=yes")).assertFailure()
                .assertLogContains("brokle.migrate.dryRun (from -D property)=yes must be true or false");
    }

    @Test
    void skipAndHelp() {
        MavenProject project = MavenProject.copyOf("sample").withSampleMigrations();
        project.run(goal("up", "-Dbrokle.migrate.skip=true")).assertSuccess()
                .assertLogContains("skipped (brokle.migrate.skip=true)");
        BuildResult help = project.run("brokle-migrate:help").assertSuccess();
        for (String goal : List.of("brokle-migrate:up", "brokle-migrate:down", "brokle-migrate:status",
                "brokle-migrate:info", "brokle-migrate:create")) {
            help.assertLogContains(goal);
        }
        project.run("brokle-migrate:help", "-Ddetail=true", "-Dgoal=up").assertSuccess()
                .assertLogContains("User property: brokle.migrate.lockWaitSeconds")
                .assertLogContains("User property: brokle.migrate.outOfOrder")
                .assertLogContains("User property: brokle.migrate.ignoreDrift")
                .assertLogContains("brokle.migrate.postgres.url");
    }

    @Test
    void lifecycleBindingMigratesDuringVerify() throws Exception {
        MavenProject project = MavenProject.copyOf("lifecycle-binding");
        project.run("verify", "-Dit.database.url=" + url).assertSuccess()
                .assertLogContains("migrate-before-integration-tests")
                .assertLogContains("[postgres] applied 20240115103000_create_widgets (")
                .assertLogContains("[postgres] applied 20240201090000_add_widget_color (");
        assertEquals(20240201090000L, schemaVersion());
        assertEquals(1, count("SELECT count(*) FROM information_schema.columns WHERE table_name = 'widgets' "
                + "AND column_name = 'color'"));
        project.run("verify", "-Dit.database.url=" + url).assertSuccess().assertLogContains("[postgres] no change");
    }

    @Test
    void embeddedDefaultPersistsBetweenInvocations() {
        MavenProject project = MavenProject.copyOf("sample").withSampleMigrations();
        project.run("brokle-migrate:up", "-Dbrokle.migrate.db=postgres").assertSuccess()
                .assertLogContains("No PostgreSQL URL configured: using the embedded PostgreSQL")
                .assertLogContains("applied " + SAMPLE_COUNT + " migration(s)");
        assertTrue(Files.isDirectory(project.dir.resolve("target/brokle-migrate/postgres-data")));
        project.run("brokle-migrate:status", "-Dbrokle.migrate.db=postgres").assertSuccess()
                .assertLogContains("[postgres] HEALTHY  version " + SAMPLE_COUNT + " (clean), " + SAMPLE_COUNT
                        + " applied, 0 pending");
    }

    private long schemaVersion() throws SQLException {
        return count("SELECT coalesce(max(version), 0) FROM schema_migrations");
    }

    private long count(String sql) throws SQLException {
        try (Connection c = TestPostgres.connect(url); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
