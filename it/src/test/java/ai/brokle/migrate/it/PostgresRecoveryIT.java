package ai.brokle.migrate.it;

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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The recovery and gate goals (force, goto, drop, reset, status gates), run as real mvn builds on PostgreSQL. */
class PostgresRecoveryIT {

    private final String url = TestPostgres.newDatabase("recovery");

    private String[] goal(String goal, String... properties) {
        List<String> args = new ArrayList<>(List.of("brokle-migrate:" + goal, "-Dbrokle.migrate.db=postgres",
                "-Dbrokle.migrate.postgres.url=" + url, "-Dbrokle.migrate.postgres.username=" + TestPostgres.USER));
        args.addAll(List.of(properties));
        return args.toArray(String[]::new);
    }

    @Test
    void dirtyDatabaseFromTheGoCliIsBlockedShownAndForcedBack() throws Exception {
        MavenProject project = MavenProject.copyOf("sample").withSampleMigrations();
        project.run(goal("up", "-Dbrokle.migrate.steps=3")).assertSuccess();
        execute("UPDATE schema_migrations SET version = 4, dirty = true");

        project.run(goal("up")).assertFailure()
                .assertLogContains("Dirty database version 4 on postgres")
                .assertLogContains("mvn brokle-migrate:force -Dbrokle.migrate.db=postgres");
        project.run(goal("status")).assertSuccess()
                .assertLogContains("[postgres] DIRTY  version 4 (dirty)")
                .assertLogContains("Overall Status: DIRTY");
        project.run(goal("status", "-Dbrokle.migrate.failOn=dirty")).assertFailure()
                .assertLogContains("status gate failed (DIRTY)");

        project.run(goal("force", "-Dbrokle.migrate.version=3")).assertFailure()
                .assertLogContains("Refusing to FORCE migration to version 3");
        project.run(goal("force", "-Dbrokle.migrate.version=3", "-Dbrokle.migrate.confirm=yes")).assertSuccess()
                .assertLogContains("forced to version 3 (clean)");
        project.run(goal("up")).assertSuccess().assertLogContains("applied 000004_create_organization_members (");
    }

    @Test
    void gotoAndStatusJsonGate() throws Exception {
        MavenProject project = MavenProject.copyOf("sample").withSampleMigrations();
        project.run(goal("goto", "-Dbrokle.migrate.version=5")).assertSuccess()
                .assertLogContains("moved through 5 migration(s) to version 5");
        assertEquals(5, scalar("SELECT version FROM schema_migrations"));

        project.run(goal("status", "-Dbrokle.migrate.format=json", "-Dbrokle.migrate.failOn=pending")).assertFailure()
                .assertLogContains("status gate failed (PENDING)");
        String json = Files.readString(project.dir.resolve("target/brokle-migrate/status.json"));
        assertTrue(json.contains("\"overall\": \"PENDING\""), json);
        assertTrue(json.contains("\"version\": 5"), json);
        assertTrue(json.contains("\"pending\": [\"000006_create_projects\""), json);

        project.run(goal("goto", "-Dbrokle.migrate.version=2")).assertFailure()
                .assertLogContains("Refusing to rollback 3 migration(s) on postgres");
        project.run(goal("goto", "-Dbrokle.migrate.version=2", "-Dbrokle.migrate.confirm=yes")).assertSuccess();
        assertEquals(2, scalar("SELECT version FROM schema_migrations"));
        project.run(goal("goto", "-Dbrokle.migrate.version=7777")).assertFailure()
                .assertLogContains("brokle.migrate.version=7777 is not a migration of postgres");

        Path output = project.dir.resolve("gate/status.json");
        project.run(goal("up")).assertSuccess();
        project.run(goal("status", "-Dbrokle.migrate.format=json", "-Dbrokle.migrate.output=gate/status.json",
                "-Dbrokle.migrate.failOn=pending,dirty,drift")).assertSuccess();
        assertTrue(Files.readString(output).contains("\"overall\": \"HEALTHY\""));
    }

    @Test
    void driftFailsUpAndTheStatusGate() throws Exception {
        MavenProject project = MavenProject.copyOf("sample").withSampleMigrations();
        project.run(goal("up", "-Dbrokle.migrate.steps=2")).assertSuccess();
        Path applied = project.dir.resolve("migrations/000002_create_organizations.up.sql");
        Files.writeString(applied, Files.readString(applied) + "\n-- edited after release\nSELECT 1;\n");
        project.run(goal("up")).assertFailure()
                .assertLogContains("000002_create_organizations.up.sql changed after it was applied");
        project.run(goal("status", "-Dbrokle.migrate.failOn=drift")).assertFailure()
                .assertLogContains("status gate failed");
        project.run(goal("up", "-Dbrokle.migrate.ignoreDrift=true")).assertSuccess();
    }

    @Test
    void repairAcceptsAnEditedAppliedFileForGoodOnlyAfterConfirmation() throws Exception {
        MavenProject project = MavenProject.copyOf("sample").withSampleMigrations();
        project.run(goal("up", "-Dbrokle.migrate.steps=2")).assertSuccess();
        Path applied = project.dir.resolve("migrations/000002_create_organizations.up.sql");
        Files.writeString(applied, Files.readString(applied) + "\nSELECT 1;\n");
        String checksum = "SELECT md5sum FROM databasechangelog WHERE id = '000002_create_organizations'";
        String before = text(checksum);
        project.run(goal("repair")).assertFailure()
                .assertLogContains("Refusing to repair the records of applied migrations: re-record the checksum of "
                        + "000002_create_organizations");
        assertEquals(before, text(checksum), "a refused repair writes nothing");
        project.run(goal("repair", "-Dbrokle.migrate.confirm=yes")).assertSuccess()
                .assertLogContains("repaired: re-record the checksum of 000002_create_organizations");
        project.run(goal("status", "-Dbrokle.migrate.failOn=drift")).assertSuccess();
        project.run(goal("up")).assertSuccess().assertLogContains("applied 000003_");
    }

    @Test
    void dropAndResetAskForTypedConfirmationNamingTheDatabase() throws Exception {
        MavenProject project = MavenProject.copyOf("sample").withSampleMigrations();
        project.run(goal("up")).assertSuccess();
        String database = url.substring(url.lastIndexOf('/') + 1);
        project.run(goal("drop")).assertFailure()
                .assertLogContains("Refusing to DROP ALL TABLES (PERMANENT DATA LOSS) in postgres database " + database);
        assertTrue(scalar("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") > 3);
        project.run(goal("drop", "-Dbrokle.migrate.confirm=yes")).assertSuccess();
        assertEquals(0, scalar("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
        assertEquals(0, scalar("SELECT count(*) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace "
                + "WHERE n.nspname = 'public' AND t.typtype = 'e'"));

        project.run(goal("up")).assertSuccess();
        project.run(goal("reset")).assertFailure().assertLogContains("COMPLETE SCHEMA RESET");
        project.run(goal("reset", "-Dbrokle.migrate.confirm=yes")).assertSuccess();
        assertEquals(0, scalar("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
        project.run(goal("unlock")).assertSuccess().assertLogContains("the migration lock is free");
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = TestPostgres.connect(url); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private String text(String sql) throws SQLException {
        try (Connection c = TestPostgres.connect(url); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private long scalar(String sql) throws SQLException {
        try (Connection c = TestPostgres.connect(url); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
