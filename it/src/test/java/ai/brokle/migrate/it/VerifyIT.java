package ai.brokle.migrate.it;

import ai.brokle.migrate.testing.TestClickHouse;
import ai.brokle.migrate.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code verify} as a user runs it: bound without a phase, from the command line, on both datasources. */
class VerifyIT {

    private final String url = TestPostgres.newDatabase("it_verify");

    @Test
    void aBindingWithoutPhaseRunsInTheVerifyPhaseAndWritesReports() throws Exception {
        MavenProject project = MavenProject.copyOf("verify-binding");
        project.run("verify", "-Dit.database.url=" + url).assertSuccess()
                .assertLogContains("prove-downs")
                .assertLogContains("[postgres] verifying on scratch database brokle_verify_")
                .assertLogContains("verified 2 migrations: 0 errors, 0 changed, 0 cosmetic");
        assertTrue(Files.isRegularFile(project.dir.resolve("target/brokle-migrate/TEST-brokle-migrate-verify.xml")));
        assertTrue(Files.readString(project.dir.resolve("target/brokle-migrate/verify.json"))
                .contains("\"summary\" : \"verified 2 migrations: 0 errors, 0 changed, 0 cosmetic\""));
        assertEquals(0, count(url, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"),
                "the configured database is not touched");
        assertEquals(0, count(TestPostgres.url("postgres"),
                "SELECT count(*) FROM pg_database WHERE datname LIKE 'brokle\\_verify\\_%'"));
    }

    @Test
    void aDownThatDoesNotRestoreTheDefaultFailsTheBuildWithTheDifference() {
        MavenProject project = MavenProject.copyOf("verify-binding");
        project.write("db/migrations/20240303090000_keep_gadgets.up.sql",
                "ALTER TABLE gadgets ALTER COLUMN is_saved SET DEFAULT true;\n");
        project.write("db/migrations/20240303090000_keep_gadgets.down.sql",
                "ALTER TABLE gadgets ALTER COLUMN is_saved DROP DEFAULT;\n");
        project.run("verify", "-Dit.database.url=" + url).assertFailure()
                .assertLogContains("[postgres] 20240303090000_keep_gadgets: changed")
                .assertLogContains("gadgets.is_saved: default false before, none after down")
                .assertLogContains("verified 3 migrations: 0 errors, 1 changed, 0 cosmetic")
                .assertLogContains("-Dbrokle.migrate.verifyFailOn=error");
        project.run("verify", "-Dit.database.url=" + url, "-Dbrokle.migrate.verifyFailOn=error").assertSuccess();
    }

    @Test
    void theSampleMigrationsVerifyOnTheEmbeddedPostgresAndOnClickHouse() {
        MavenProject project = MavenProject.copyOf("sample").withSampleMigrations();
        project.run("brokle-migrate:verify", "-Dbrokle.migrate.clickhouse.url="
                        + TestClickHouse.newDatabase("it_verify")).assertSuccess()
                .assertLogContains("[postgres] verifying on scratch database brokle_verify_")
                .assertLogContains("on the embedded PostgreSQL")
                .assertLogContains("[clickhouse] verifying on scratch database brokle_verify_")
                .assertLogContains("0 errors, 0 changed, 0 cosmetic");
    }

    private static long count(String url, String sql) throws SQLException {
        try (Connection c = TestPostgres.connect(url); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
