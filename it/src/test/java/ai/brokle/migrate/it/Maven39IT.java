package ai.brokle.migrate.it;

import ai.brokle.migrate.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The plugin on Maven 3.9 (unpacked from the apache-maven distribution this module depends on). */
class Maven39IT {

    @TempDir
    Path work;

    @Test
    void lifecycleBindingAndGoalsRunOnMaven39() throws Exception {
        Path distribution = Path.of(System.getProperty("it.maven39"));
        assertTrue(Files.isRegularFile(distribution), distribution + " was resolved by the build");
        Process untar = new ProcessBuilder("tar", "xzf", distribution.toString(), "-C", work.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(untar.waitFor(2, TimeUnit.MINUTES) && untar.exitValue() == 0, "tar of " + distribution);
        Path home = work.resolve("apache-maven-3.9.9");

        String url = TestPostgres.newDatabase("maven39");
        MavenProject project = MavenProject.copyOf("lifecycle-binding").withMaven(home);
        project.run("-v").assertSuccess().assertLogContains("Apache Maven 3.9.9");
        project.run("verify", "-Dit.database.url=" + url).assertSuccess()
                .assertLogContains("[postgres] applied 20240201090000_add_widget_color (");
        project.run("brokle-migrate:status", "-Dbrokle.migrate.postgres.url=" + url,
                "-Dbrokle.migrate.postgres.username=" + TestPostgres.USER).assertSuccess()
                .assertLogContains("Overall Status: HEALTHY");
        try (var c = TestPostgres.connect(url); var s = c.createStatement();
             var rs = s.executeQuery("SELECT version FROM schema_migrations")) {
            rs.next();
            assertEquals(20240201090000L, rs.getLong(1));
        }
    }
}
