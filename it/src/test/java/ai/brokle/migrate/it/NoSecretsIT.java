package ai.brokle.migrate.it;

import ai.brokle.migrate.testing.TestClickHouse;
import ai.brokle.migrate.testing.TestPostgres;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No password in any output of the whole suite. This class runs last ({@code junit-platform.properties} orders
 * classes by {@link Order}), and is self-contained: it first runs every kind of build that is handed a password —
 * URL user info, {@code -D} password, environment, {@code .env}, settings.xml server, a URL too broken to parse, a
 * failing migration, dry run, JSON status, {@code -X} debug output — on PostgreSQL and ClickHouse, then scans every
 * {@code build*.log} and status document under {@code target/it} (its own and those of every suite that ran before)
 * and the surefire reports for the passwords.
 */
@Order(Integer.MAX_VALUE)
class NoSecretsIT {

    /** The ClickHouse test endpoint does not check passwords, so any value reaches the driver and the logs. */
    private static final String CLICKHOUSE_PASSWORD = "chPw-9fQ2-secret";
    private static final List<String> SECRETS = List.of(TestPostgres.PASSWORD, CLICKHOUSE_PASSWORD);

    @Test
    void noPasswordInAnyBuildLogOrReportOfTheSuite() throws IOException {
        int builds = runPasswordBearingBuilds();

        Path work = Path.of(System.getProperty("it.work", "target/it"));
        Path reports = work.resolveSibling("surefire-reports");
        List<Path> scanned = new ArrayList<>();
        List<String> leaks = new ArrayList<>();
        for (Path root : List.of(work, reports)) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                List<Path> outputs = files.filter(Files::isRegularFile).filter(NoSecretsIT::isOutput).toList();
                for (Path file : outputs) {
                    scanned.add(file);
                    leaks.addAll(leaks(file));
                }
            }
        }
        System.out.println("NoSecretsIT: scanned " + scanned.size() + " build logs, status documents and reports");
        assertTrue(scanned.stream().filter(f -> f.getFileName().toString().startsWith("build")).count() >= builds,
                "the scan must include at least the " + builds + " builds run here");
        assertEquals(List.of(), leaks, "a password appears in the suite's output");
    }

    /** @return how many builds were run */
    private static int runPasswordBearingBuilds() throws IOException {
        String pgUrl = TestPostgres.newDatabase("secrets");
        String database = pgUrl.substring(pgUrl.lastIndexOf('/') + 1);
        String hostPort = "localhost:" + TestPostgres.port();
        String withPassword = "postgres://" + TestPostgres.PASSWORD_USER + ":" + TestPostgres.PASSWORD + "@" + hostPort
                + "/" + database + "?sslmode=disable";
        String chUrl = TestClickHouse.newDatabase("secrets");
        String chDatabase = chUrl.substring(chUrl.lastIndexOf('/') + 1);
        String chWithPassword = "clickhouse://default:" + CLICKHOUSE_PASSWORD + "@127.0.0.1:9000/" + chDatabase;
        String chHttpPort = "-Dbrokle.migrate.clickhouse.httpPort=" + TestClickHouse.port();

        MavenProject project = MavenProject.copyOf("sample").withSampleMigrations();
        int builds = 0;

        // password in the URL's user info: status, dry run, up, info and JSON status of both datasources in one build
        project.run("brokle-migrate:status", "brokle-migrate:up", "brokle-migrate:info", "-Dbrokle.migrate.db=all",
                        "-Dbrokle.migrate.postgres.url=" + withPassword,
                        "-Dbrokle.migrate.clickhouse.url=" + chWithPassword, chHttpPort, "-Dbrokle.migrate.steps=3")
                .assertSuccess().assertLogContains("[postgres] applied ").assertLogContains("[clickhouse] applied ");
        builds++;
        project.run("brokle-migrate:up", "brokle-migrate:status", "-Dbrokle.migrate.db=all",
                        "-Dbrokle.migrate.dryRun=true", "-Dbrokle.migrate.format=json",
                        "-Dbrokle.migrate.postgres.url=" + withPassword, "-Dbrokle.migrate.clickhouse.url=" + chWithPassword,
                        chHttpPort)
                .assertSuccess().assertLogContains("dry run");
        builds++;
        assertTrue(Files.exists(project.dir.resolve("target/brokle-migrate/status.json")));

        // password as its own -D parameter, with Maven's debug output
        project.run("-X", "brokle-migrate:up", "-Dbrokle.migrate.db=all", "-Dbrokle.migrate.postgres.url=" + pgUrl,
                        "-Dbrokle.migrate.postgres.username=" + TestPostgres.PASSWORD_USER,
                        "-Dbrokle.migrate.postgres.password=" + TestPostgres.PASSWORD,
                        "-Dbrokle.migrate.clickhouse.url=" + chUrl, "-Dbrokle.migrate.clickhouse.password="
                                + CLICKHOUSE_PASSWORD)
                .assertSuccess().assertLogContains("[DEBUG]");
        builds++;

        // environment and .env
        project.write(".env", "CLICKHOUSE_URL=" + chWithPassword + "\n");
        project.env("DATABASE_URL", withPassword);
        project.run("brokle-migrate:status", "-Dbrokle.migrate.db=all", chHttpPort)
                .assertSuccess().assertLogContains("Overall Status: HEALTHY");
        builds++;
        Files.delete(project.dir.resolve(".env"));
        project.env("DATABASE_URL", "");

        // settings.xml server
        project.write("settings.xml", "<settings><servers><server><id>brokle-db</id><username>"
                + TestPostgres.PASSWORD_USER + "</username><password>" + TestPostgres.PASSWORD
                + "</password></server></servers></settings>");
        project.run("-s", "settings.xml", "brokle-migrate:status", "-Dbrokle.migrate.db=postgres",
                        "-Dbrokle.migrate.postgres.url=" + pgUrl, "-Dbrokle.migrate.postgres.serverId=brokle-db")
                .assertSuccess();
        builds++;

        // failures that print the datasource: a failing migration, a wrong password, a URL too broken to parse
        project.write("migrations/999999_broken.up.sql", "SELECT no_such_column FROM no_such_table;\n");
        project.run("brokle-migrate:up", "-Dbrokle.migrate.db=postgres",
                        "-Dbrokle.migrate.postgres.url=" + withPassword)
                .assertFailure().assertLogContains("Migration 999999_broken failed on postgres");
        builds++;
        Files.delete(project.dir.resolve("migrations/999999_broken.up.sql"));
        project.run("brokle-migrate:status", "-Dbrokle.migrate.db=postgres", "-Dbrokle.migrate.postgres.url="
                        + withPassword.replace(TestPostgres.PASSWORD, TestPostgres.PASSWORD + "x"))
                .assertLogContains("password authentication failed");
        builds++;
        project.run("brokle-migrate:up", "-Dbrokle.migrate.db=postgres", "-Dbrokle.migrate.postgres.url="
                        + withPassword.replace(TestPostgres.PASSWORD, TestPostgres.PASSWORD + "#/x"))
                .assertFailure().assertLogContains("URL-encode special characters in the password");
        builds++;
        project.run("brokle-migrate:up", "-Dbrokle.migrate.db=clickhouse", "-Dbrokle.migrate.clickhouse.url="
                        + chWithPassword.replace(CLICKHOUSE_PASSWORD, CLICKHOUSE_PASSWORD + "@x"), chHttpPort)
                .assertFailure().assertLogContains("is not a URL this plugin understands");
        builds++;

        // destructive goals with the password in the URL
        project.run("brokle-migrate:down", "brokle-migrate:drop", "-Dbrokle.migrate.db=all",
                        "-Dbrokle.migrate.confirm=yes", "-Dbrokle.migrate.postgres.url=" + withPassword,
                        "-Dbrokle.migrate.clickhouse.url=" + chWithPassword, chHttpPort)
                .assertSuccess().assertLogContains("rolled back");
        builds++;
        return builds;
    }

    private static boolean isOutput(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith("build") && name.endsWith(".log") || name.endsWith(".json")
                && file.toString().contains("brokle-migrate") || file.getParent().getFileName().toString()
                .equals("surefire-reports") && (name.endsWith(".txt") || name.endsWith(".xml"));
    }

    private static List<String> leaks(Path file) throws IOException {
        List<String> leaks = new ArrayList<>();
        List<String> lines = List.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\n"));
        for (int i = 0; i < lines.size(); i++) {
            for (String secret : SECRETS) {
                if (lines.get(i).contains(secret)) {
                    leaks.add(file + ":" + (i + 1) + ": " + lines.get(i).replace(secret, "<PASSWORD>").strip());
                }
            }
        }
        return leaks;
    }
}
