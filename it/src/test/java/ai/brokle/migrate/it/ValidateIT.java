package ai.brokle.migrate.it;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code validate} as a user runs it: bound without a phase, on the sample migrations and on a bad one; no database. */
class ValidateIT {

    @Test
    void boundWithoutAPhaseItRunsInEveryBuildAndWarningsPass() throws Exception {
        MavenProject project = MavenProject.copyOf("validate-binding").withSampleMigrations();
        project.run("validate").assertSuccess()
                .assertLogContains(":validate (check-migrations)")
                .assertLogContains("migrations/000011_add_organization_billing_fields.up.sql:9: PG003 warning")
                .assertLogContains("[postgres] migrations: 21 file(s)")
                .assertLogContains("[clickhouse] migrations/clickhouse: 14 file(s)")
                .assertLogContains("validate: 0 error(s), 1 warning(s)")
                .assertLogLacks("Cannot connect");
        assertTrue(Files.exists(project.dir.resolve("target/brokle-migrate/validate-report.json")));
        assertTrue(Files.exists(project.dir.resolve("target/brokle-migrate/TEST-brokle-migrate-validate.xml")));
        project.run("validate", "-Dbrokle.migrate.ignore=PG003").assertSuccess()
                .assertLogContains("validate: 0 error(s), 0 warning(s)");
    }

    @Test
    void anErrorFailsTheBuildNamingFileLineRuleAndFix() {
        MavenProject project = MavenProject.copyOf("validate-errors");
        project.run("validate").assertFailure()
                .assertLogContains("migrations/000002_index_widget_names.up.sql:4: PG002 error")
                .assertLogContains("Fix: put the statement in its own migration with the line -- +migrate notransaction")
                .assertLogContains("BUILD FAILURE");
        project.run("brokle-migrate:validate", "-Dbrokle.migrate.explain=true").assertFailure()
                .assertLogContains("#1 line 4: CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_widgets_name ON widgets (name)");
    }
}
