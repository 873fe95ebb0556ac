package ai.brokle.migrate.bench;

import ai.brokle.migrate.engine.Configurations;
import ai.brokle.migrate.testing.TestMigrator;
import ai.brokle.migrate.config.GoalOptions;
import ai.brokle.migrate.config.ConfigSources;
import ai.brokle.migrate.config.MigrateConfig;
import ai.brokle.migrate.engine.Confirmer;
import ai.brokle.migrate.engine.Migrator;
import ai.brokle.migrate.engine.Reporter;
import ai.brokle.migrate.seed.SeedResult;
import ai.brokle.migrate.testing.TestPostgres;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Issue 10: times seeding against psql {@code \\copy} of the same rows, each into a fresh copy of the migrated sample
 * schema: a YAML seed of N users (default 10,000) and a CSV seed ({@code users: {csv: ...}}) of M users (default
 * 100,000), plus the Maven no-op ({@code mvn -o -q validate} on a project that declares the plugin), since
 * {@code mvn brokle-migrate:seed} is Maven's start-up plus the seed. A benchmark, not a test: run it with
 * {@code bench/seed-100k.sh}. Rows carry a PK, a unique email, a foreign key, a boolean, a timestamp and JSONB.
 * <p>
 * Each seed runs in a fresh JVM (the plugin's code, the driver and the JIT start cold, as in a Maven run), timed
 * inside that JVM from building the engine to the result; the whole child process (JVM start included) is shown
 * next to it. The summary gives medians, min-max and the ratios the issue sets targets for:
 * seed + no-op against {@code \\copy} + no-op. {@code --yaml-big} adds one 100,000-row YAML seed, as a figure only.
 */
public final class CopyVsSeedBenchmark {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final String ORGANIZATION = "01HK0000000000000000BENCH0";
    private static final String COLUMNS = "id, email, password_hash, name, timezone, is_active, "
            + "default_organization_id, preferences, created_at";
    private static final String COLD = "--cold-seed";

    private CopyVsSeedBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals(COLD)) {
            coldSeed(args[1], Path.of(args[2]));
            return;
        }
        List<String> options = new ArrayList<>(List.of(args));
        boolean yamlBig = options.remove("--yaml-big");
        int yamlRows = options.size() > 0 ? Integer.parseInt(options.get(0)) : 10_000;
        int csvRows = options.size() > 1 ? Integer.parseInt(options.get(1)) : 100_000;
        int rounds = options.size() > 2 ? Integer.parseInt(options.get(2)) : 5;
        Path dir = Files.createDirectories(REPO.resolve("brokle-migrate-maven-plugin/target/bench"));
        Path yaml = generate(dir, yamlRows, false);
        Path csvSeed = generate(dir, csvRows, true);
        Path yamlCsv = dir.resolve("users-" + yamlRows + ".csv");
        Path csv = dir.resolve("users-" + csvRows + ".csv");
        Path noop = noopProject(dir);
        String template = migratedTemplate();
        System.out.printf("YAML seed %,d rows (%,d bytes); CSV seed %,d rows (%,d bytes); PostgreSQL on port %d; "
                + "%d CPUs%n", yamlRows, Files.size(yaml), csvRows, Files.size(csv), TestPostgres.port(),
                Runtime.getRuntime().availableProcessors());
        System.out.println("round   mvn no-op   \\copy " + yamlRows + "   YAML seed (process)   \\copy " + csvRows
                + "   CSV seed (process)");
        Map<String, List<Long>> times = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            long noopMs = mavenNoop(noop);
            long copySmall = copy(template, yamlCsv, yamlRows);
            long[] yamlSeed = cold(template, yaml, yamlRows);
            long copyBig = copy(template, csv, csvRows);
            long[] csvTimes = cold(template, csvSeed, csvRows);
            System.out.printf("%5d   %6d ms   %8d ms   %7d ms (%5d ms)   %8d ms   %7d ms (%5d ms)%n", round, noopMs,
                    copySmall, yamlSeed[0], yamlSeed[1], copyBig, csvTimes[0], csvTimes[1]);
            for (Object[] t : new Object[][] {{"noop", noopMs}, {"copySmall", copySmall}, {"yaml", yamlSeed[0]},
                    {"yamlProcess", yamlSeed[1]}, {"copyBig", copyBig}, {"csv", csvTimes[0]},
                    {"csvProcess", csvTimes[1]}}) {
                times.computeIfAbsent((String) t[0], k -> new ArrayList<>()).add((Long) t[1]);
            }
        }
        times.forEach((name, values) -> System.out.printf("median %-12s %6d ms (min-max %d-%d)%n", name,
                median(values), Collections.min(values), Collections.max(values)));
        long n = median(times.get("noop"));
        System.out.printf("YAML %,d rows: (no-op + seed) / (no-op + \\copy) = %.2fx (target <= 1.5x)%n", yamlRows,
                (double) (n + median(times.get("yaml"))) / (n + median(times.get("copySmall"))));
        System.out.printf("CSV %,d rows: (no-op + seed) / (no-op + \\copy) = %.2fx (target <= 1.3x)%n", csvRows,
                (double) (n + median(times.get("csv"))) / (n + median(times.get("copyBig"))));
        if (yamlBig) {
            Path big = generate(dir, 100_000, false);
            long[] seed = cold(template, big, 100_000);
            System.out.printf("figure: YAML seed of 100,000 rows %d ms (process %d ms), \\copy %d ms%n", seed[0],
                    seed[1], copy(template, dir.resolve("users-100000.csv"), 100_000));
        }
    }

    /** psql \\copy of the file into a fresh database; returns the time. */
    private static long copy(String template, Path csv, int rows) throws Exception {
        String db = copyOf(template, "bench_copy");
        long start = System.nanoTime();
        psqlCopy(db, csv);
        long ms = millis(start);
        require(db, rows);
        drop(db);
        return ms;
    }

    /** One seed in a fresh JVM into a fresh database: {seed time inside the JVM, whole process}. */
    private static long[] cold(String template, Path seed, int rows) throws Exception {
        String db = copyOf(template, "bench_seed");
        long start = System.nanoTime();
        long inner = coldSeedProcess(db, seed);
        long process = millis(start);
        require(db, rows);
        drop(db);
        return new long[] {inner, process};
    }

    /** A project that declares the plugin; {@code mvn validate} on it is Maven's start-up with nothing to do. */
    private static Path noopProject(Path dir) throws IOException {
        Path project = Files.createDirectories(dir.resolve("noop"));
        Files.writeString(project.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>bench</groupId><artifactId>noop</artifactId><version>1</version><packaging>pom</packaging>
                  <build><plugins><plugin>
                    <groupId>ai.brokle</groupId><artifactId>brokle-migrate-maven-plugin</artifactId>
                    <version>0.1.0-SNAPSHOT</version>
                  </plugin></plugins></build>
                </project>
                """);
        return project;
    }

    private static long mavenNoop(Path project) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process mvn = new ProcessBuilder("mvn", "-o", "-q", "-B", "validate").directory(project.toFile())
                .inheritIO().start();
        if (!mvn.waitFor(5, TimeUnit.MINUTES) || mvn.exitValue() != 0) {
            throw new IllegalStateException("mvn validate failed in " + project);
        }
        return millis(start);
    }

    /** Runs one seed in a fresh JVM (this class with {@link #COLD}) and returns the time it measured. */
    private static long coldSeedProcess(String database, Path yaml) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path")));
        if (System.getProperty("bench.verbose") != null) {
            command.add("-Dbench.verbose");
        }
        command.addAll(List.of(CopyVsSeedBenchmark.class.getName(), COLD, TestPostgres.url(database),
                yaml.toString()));
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!child.waitFor(10, TimeUnit.MINUTES) || child.exitValue() != 0 || !out.contains("seed-ms=")) {
            throw new IllegalStateException("cold seed failed: " + out);
        }
        String timing = out.substring(out.indexOf("seed-ms="));
        System.out.print(out.substring(0, out.indexOf("seed-ms="))); // the child's log, with -Dbench.verbose
        return Long.parseLong(timing.substring("seed-ms=".length()).strip());
    }

    /** The child side: one seed, timed from building the engine (as the mojo does) to its result. */
    private static void coldSeed(String url, Path yaml) {
        long start = System.nanoTime();
        SeedResult result = migrator(url, Map.of("seedFile", yaml.toString(), "dryRun", "false")).seed();
        long ms = millis(start);
        if (result.inserted() != result.rows()) {
            throw new IllegalStateException("expected every row inserted, got " + result.tables());
        }
        System.out.println("seed-ms=" + ms);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    /**
     * Writes {@code users-N.csv} (with a header) and the seed: {@code users-N.yaml} with the same rows, or, for
     * {@code csv}, {@code users-N-csv.yaml} naming the CSV file. Returns the seed.
     */
    private static Path generate(Path dir, int rows, boolean csv) throws IOException {
        Path csvFile = dir.resolve("users-" + rows + ".csv");
        Path yaml = dir.resolve("users-" + rows + (csv ? "-csv" : "") + ".yaml");
        LocalDateTime start = LocalDateTime.of(2024, 1, 1, 0, 0);
        try (BufferedWriter y = Files.newBufferedWriter(yaml); BufferedWriter c = Files.newBufferedWriter(csvFile)) {
            y.write("# generated by CopyVsSeedBenchmark\nusers:" + (csv ? " {csv: " + csvFile + "}\n" : "\n"));
            c.write(COLUMNS.replace(" ", "") + "\n");
            for (int i = 0; i < rows; i++) {
                String id = String.format("01HZ%022d", i);
                String created = start.plusSeconds(i * 37L).toString();
                boolean active = i % 10 != 0;
                String name = i % 1000 == 0 ? "O'Brien; DROP TABLE users; -- " + i : "User " + i;
                if (!csv) {
                    y.write("  - id: " + id + "\n    email: user" + i + "@bench.example\n"
                            + "    password_hash: \"$2a$10$benchbenchbenchbenchbenchbenchbenchbenchbenchbench\"\n"
                            + "    name: \"" + name + "\"\n    timezone: Europe/Berlin\n    is_active: " + active
                            + "\n    default_organization_id: " + ORGANIZATION + "\n"
                            + "    preferences: {theme: dark, digest: weekly, n: " + i + "}\n"
                            + "    created_at: " + created + "Z\n");
                }
                c.write(id + ",user" + i + "@bench.example,$2a$10$benchbenchbenchbenchbenchbenchbenchbenchbenchbench,"
                        + "\"" + name + "\",Europe/Berlin," + active + "," + ORGANIZATION + ","
                        + "\"{\"\"theme\"\": \"\"dark\"\", \"\"digest\"\": \"\"weekly\"\", \"\"n\"\": " + i + "}\","
                        + created + "\n");
            }
        }
        return yaml;
    }

    /** A database with the sample migrations and the one organization every user belongs to. */
    private static String migratedTemplate() throws SQLException {
        String url = TestPostgres.newDatabase("bench_template");
        migrator(url, Map.of()).up();
        try (Connection c = TestPostgres.connect(url); Statement s = c.createStatement()) {
            s.execute("INSERT INTO organizations (id, name, slug) VALUES ('" + ORGANIZATION + "', 'Bench', 'bench')");
        }
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private static String copyOf(String template, String name) throws SQLException {
        try (Connection c = TestPostgres.connect(TestPostgres.url("postgres")); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
            s.execute("CREATE DATABASE " + name + " TEMPLATE " + template);
        }
        return name;
    }

    /** Drops a measured database at once, so autovacuum never works on it during a later measurement. */
    private static void drop(String name) throws SQLException {
        try (Connection c = TestPostgres.connect(TestPostgres.url("postgres")); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE " + name);
        }
    }

    private static void psqlCopy(String database, Path csv) throws IOException, InterruptedException {
        Process psql = new ProcessBuilder("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "localhost", "-p",
                String.valueOf(TestPostgres.port()), "-U", TestPostgres.USER, "-d", database, "-c",
                "\\copy users (" + COLUMNS + ") FROM '" + csv + "' WITH (FORMAT csv, HEADER true)")
                .inheritIO().start();
        if (!psql.waitFor(10, TimeUnit.MINUTES) || psql.exitValue() != 0) {
            throw new IllegalStateException("psql \\copy failed");
        }
    }

    private static TestMigrator migrator(String url, Map<String, String> options) {
        Map<String, String> properties = new HashMap<>();
        properties.put("brokle.migrate.db", "postgres");
        properties.put("brokle.migrate.postgres.url", url);
        properties.put("brokle.migrate.postgres.username", TestPostgres.USER);
        options.forEach((k, v) -> properties.put("brokle.migrate." + k, v));
        MigrateConfig config = Configurations.resolve(new ConfigSources(REPO, REPO.resolve(
                "brokle-migrate-maven-plugin/target/bench"), Map.of(), Map.of(), properties, id -> Optional.empty()));
        return new TestMigrator(new Migrator(config, new Reporter() {
            @Override
            public void info(String line) {
                if (System.getProperty("bench.verbose") != null) {
                    System.out.println("  " + java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() + " ms  " + line);
                }
            }

            @Override
            public void warn(String line) {
                System.out.println("WARN " + line);
            }
        }, action -> Confirmer.Decision.NO_CONSOLE), new GoalOptions(REPO, properties));
    }

    private static void require(String database, int rows) throws SQLException {
        try (Connection c = TestPostgres.connect(TestPostgres.url(database)); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM users")) {
            rs.next();
            if (rs.getLong(1) != rows) {
                throw new IllegalStateException(database + ": expected " + rows + " users, found " + rs.getLong(1));
            }
        }
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
