package ai.brokle.migrate.it;

import ai.brokle.migrate.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An interactive Maven (a terminal, no -B) is asked "Type 'yes' to confirm". The terminal is a real pseudo-terminal
 * from util-linux's {@code script}, so the plugin sees a console exactly as a developer's shell gives it one.
 */
class InteractivePromptIT {

    private final String url = TestPostgres.newDatabase("prompt");

    @Test
    void downAsksAndOnlyYesConfirms() throws Exception {
        MavenProject project = MavenProject.copyOf("sample").withSampleMigrations();
        project.run("brokle-migrate:up", "-Dbrokle.migrate.db=postgres", "-Dbrokle.migrate.postgres.url=" + url,
                "-Dbrokle.migrate.postgres.username=" + TestPostgres.USER).assertSuccess();
        long applied = version();

        String declined = answer(project.dir, "no");
        assertTrue(declined.contains("Type 'yes' to confirm (anything else will cancel)"), declined);
        assertTrue(declined.contains("Cancelled: rollback 1 migration(s) on postgres"), declined);
        assertEquals(applied, version(), "a declined prompt changes nothing");

        String confirmed = answer(project.dir, "YES ");
        assertTrue(confirmed.contains("rolled back 1 migration(s)"), confirmed);
        assertEquals(applied - 1, version());
    }

    /** Runs an interactive {@code mvn brokle-migrate:down} in a pseudo-terminal and types {@code reply} at the prompt. */
    private String answer(Path dir, String reply) throws Exception {
        String mvn = Path.of(System.getProperty("it.mavenHome", "/usr/share/maven"), "bin", "mvn") + " -ntp"
                + " -Dmaven.repo.local=" + System.getProperty("it.localRepository", System.getProperty("user.home")
                + "/.m2/repository")
                + " brokle-migrate:down -Dbrokle.migrate.db=postgres -Dbrokle.migrate.postgres.url=" + url
                + " -Dbrokle.migrate.postgres.username=" + TestPostgres.USER;
        Process process = new ProcessBuilder("script", "-qec", mvn, "/dev/null").directory(dir.toFile())
                .redirectErrorStream(true).start();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        InputStream in = process.getInputStream();
        OutputStream keyboard = process.getOutputStream();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        boolean answered = false;
        byte[] buffer = new byte[4096];
        while (System.nanoTime() < deadline) {
            int n = in.read(buffer);
            if (n < 0) {
                break;
            }
            output.write(buffer, 0, n);
            if (!answered && output.toString(StandardCharsets.UTF_8).contains("anything else will cancel")) {
                keyboard.write((reply + "\n").getBytes(StandardCharsets.UTF_8));
                keyboard.flush();
                answered = true;
            }
        }
        process.waitFor(1, TimeUnit.MINUTES);
        return output.toString(StandardCharsets.UTF_8).replaceAll("\u001B\\[[0-9;]*m", "");
    }

    private long version() throws Exception {
        try (Connection c = TestPostgres.connect(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version FROM schema_migrations")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
