package ai.brokle.migrate.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The project's ClickHouse test endpoint ({@code it/clickhouse-endpoint}: a real ClickHouse engine from the npm
 * package chdb behind a loopback HTTP server), installed with {@code npm ci} and started on a free port on first use,
 * stopped when the JVM exits. Each test gets its own database.
 */
public final class TestClickHouse {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static Process server;
    private static int port;
    private static Path log;

    private TestClickHouse() {
    }

    public static synchronized int port() {
        if (server == null) {
            start();
        }
        return port;
    }

    /** Creates an empty database and returns its JDBC URL. */
    public static String newDatabase(String prefix) {
        String name = prefix + "_" + DATABASES.incrementAndGet() + "_" + ProcessHandle.current().pid();
        try (Connection c = connect(url("default")); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return url(name);
    }

    public static String url(String database) {
        return "jdbc:clickhouse:http://127.0.0.1:" + port() + "/" + database;
    }

    public static Connection connect(String url) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "default");
        properties.setProperty("password", "");
        properties.setProperty("clickhouse_setting_mutations_sync", "2");
        return new com.clickhouse.jdbc.ClickHouseDriver().connect(url, properties);
    }

    /**
     * Every request the endpoint has served so far, one line each: method, URL, status, time and SQL. The endpoint
     * logs a request just after its response, so this reads until two reads 100 ms apart agree (at most 5 s).
     */
    public static synchronized List<String> requests() {
        port();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            List<String> lines = postLines();
            while (System.nanoTime() < deadline) {
                Thread.sleep(100);
                List<String> again = postLines();
                if (again.equals(lines)) {
                    break;
                }
                lines = again;
            }
            return lines;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> postLines() {
        try {
            return Files.readAllLines(log).stream().filter(line -> line.startsWith("POST ")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The endpoint's directory, found from the working directory of either module. */
    public static Path endpointDir() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("it/clickhouse-endpoint");
            if (Files.isRegularFile(candidate.resolve("server.js"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("it/clickhouse-endpoint not found above " + Path.of("").toAbsolutePath());
    }

    private static void start() {
        Path endpoint = endpointDir();
        try {
            if (!Files.isDirectory(endpoint.resolve("node_modules/chdb"))) {
                run(endpoint, List.of("npm", "ci", "--no-audit", "--no-fund"));
            }
            Path work = Files.createTempDirectory("brokle-test-ch");
            log = work.resolve("endpoint.log");
            Path ready = work.resolve("port");
            server = new ProcessBuilder("node", "server.js", "--port", "0", "--data", work.resolve("data").toString(),
                    "--ready-file", ready.toString(), "--exit-on-stdin-close", "--verbose")
                    .directory(endpoint.toFile())
                    .redirectOutput(Redirect.appendTo(work.resolve("endpoint.log").toFile()))
                    .redirectError(Redirect.appendTo(work.resolve("endpoint.log").toFile()))
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(TestClickHouse::stop));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(ready)) {
                if (!server.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("the ClickHouse test endpoint did not start; see "
                            + work.resolve("endpoint.log") + ":\n" + Files.readString(work.resolve("endpoint.log")));
                }
                Thread.sleep(50);
            }
            port = Integer.parseInt(Files.readString(ready).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs a set-up command with its output in a log file: the test JVM's own standard output belongs to Surefire,
     * which reads it as its channel and fails the run on anything else written there.
     */
    private static void run(Path dir, List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("brokle-test-npm", ".log");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(Redirect.to(log.toFile())).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed in " + dir + ":\n"
                    + Files.readString(log));
        }
    }

    private static synchronized void stop() {
        if (server != null) {
            try {
                server.getOutputStream().close();
                server.destroy();
                server.waitFor(10, TimeUnit.SECONDS);
            } catch (IOException | InterruptedException ignored) {
                // the JVM is exiting
            }
            server.destroyForcibly();
            server = null;
        }
    }
}
