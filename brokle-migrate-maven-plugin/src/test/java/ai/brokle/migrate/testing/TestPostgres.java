package ai.brokle.migrate.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server shared by the tests of one JVM, started on first use. Each test gets its own database,
 * so tests never see each other's tables.
 */
public final class TestPostgres {

    public static final String USER = "postgres";
    /** A role that must log in with {@link #PASSWORD} (scram-sha-256), for credential tests. */
    public static final String PASSWORD_USER = "brokle";
    public static final String PASSWORD = "s3cret-Pa55";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestPostgres() {
    }

    public static synchronized int port() {
        if (server == null) {
            try {
                // Under target/ and not deleted at exit: the tests leave hundreds of databases, whose removal
                // took longer than surefire waits for a forked JVM to exit. `mvn clean` removes them.
                Path dir = Files.createDirectories(Path.of("target", "test-postgres"))
                        .resolve(ProcessHandle.current().pid() + "-" + System.currentTimeMillis());
                server = EmbeddedPostgres.builder()
                        .setDataDirectory(dir.resolve("data"))
                        .setOverrideWorkingDirectory(dir.resolve("bin").toFile())
                        .setCleanDataDirectory(false)
                        // the server's log (pg_ctl merges its stderr into its output), beside its data
                        .setOutputRedirector(Redirect.appendTo(dir.resolve("postgres.log").toFile()))
                        .setErrorRedirector(Redirect.appendTo(dir.resolve("postgres.log").toFile()))
                        .setDataDirectoryCustomizer(TestPostgres::requirePasswords)
                        .start();
                try (Connection c = connect(url("postgres")); Statement s = c.createStatement()) {
                    s.execute("CREATE ROLE " + PASSWORD_USER + " LOGIN SUPERUSER PASSWORD '" + PASSWORD + "'");
                }
                Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::stop));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return server.getPort();
    }

    /** Creates an empty database and returns its JDBC URL. */
    public static String newDatabase(String prefix) {
        String name = (prefix + "_" + DATABASES.incrementAndGet() + "_" + ProcessHandle.current().pid()).toLowerCase();
        try (Connection c = connect(url("postgres")); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return url(name);
    }

    public static String url(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    public static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, USER, "");
    }

    /** Trust only the postgres superuser; every other role needs its password. */
    private static void requirePasswords(java.io.File dataDir) {
        try {
            Files.writeString(dataDir.toPath().resolve("pg_hba.conf"), String.join("\n",
                    "local all all trust",
                    "host all postgres 127.0.0.1/32 trust",
                    "host all postgres ::1/128 trust",
                    "host all all 127.0.0.1/32 scram-sha-256",
                    "host all all ::1/128 scram-sha-256", ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException ignored) {
                // the JVM is exiting
            }
            server = null;
        }
    }
}
