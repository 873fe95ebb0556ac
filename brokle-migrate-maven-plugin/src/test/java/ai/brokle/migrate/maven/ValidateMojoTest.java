package ai.brokle.migrate.maven;

import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The validate goal as Maven configures it: pom parameters, no database, errors fail the build. */
@MojoTest
class ValidateMojoTest {

    @Test
    @InjectMojo(goal = "validate", pom = "src/test/resources/unit/validate/pom.xml")
    void anErrorFailsTheBuildAndIgnoredWarningsAreNotReported(ValidateMojo mojo) throws Exception {
        Path reports = mojo.buildDirectory.toPath().resolve("brokle-migrate");
        try {
            MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
            assertTrue(e.getMessage().contains("000002_teams.up.sql:2: PG001 error"), e.getMessage());
            assertTrue(!e.getMessage().contains("PG006"), e.getMessage());
            Path report = reports.resolve("validate-report.json");
            assertTrue(Files.exists(report), report.toString());
            String json = Files.readString(report);
            assertTrue(json.contains("\"PG001\"") && json.contains("\"suppressed\" : 3"), json);
        } finally {
            // The module's target/brokle-migrate must stay absent (UpMojoSkipTest checks that skip writes nothing).
            Files.deleteIfExists(reports.resolve("validate-report.json"));
            Files.deleteIfExists(reports.resolve("TEST-brokle-migrate-validate.xml"));
            Files.deleteIfExists(reports);
        }
    }
}
