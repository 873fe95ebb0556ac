package ai.brokle.migrate.bench;

import ai.brokle.migrate.config.ConfigResolver;
import ai.brokle.migrate.config.ConfigSources;
import ai.brokle.migrate.config.MigrateConfig;
import ai.brokle.migrate.engine.Confirmer;
import ai.brokle.migrate.engine.Migrator;
import ai.brokle.migrate.engine.Reporter;
import ai.brokle.migrate.seed.SeedFileParser;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Issue 5, item 9: seeds N generated users (default 100,000) and loads the same rows with psql {@code \copy}, each
 * into a fresh copy of the migrated sample schema, and prints the times. A benchmark, not a test: run it with
 * {@code bench/seed-100k.sh}. Rows carry a PK, a unique email, a foreign key, a boolean, a timestamp and JSONB.
 * <p>
 * Two seed times per round, because they differ a lot: <b>cold</b> is one seed in a fresh JVM (what
 * {@code mvn brokle-migrate:seed} does: the plugin's code, the driver and the JIT start cold), timed inside
 * that JVM from building the engine to the result, with the whole child process (JVM start included) shown next to
 * it; <b>warm</b> is a seed in this JVM after unreported warm-up seeds. The summary gives medians and both ratios.
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
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dir = Files.createDirectories(REPO.resolve("brokle-migrate-maven-plugin/target/bench"));
        Path yaml = dir.resolve("users-" + rows + ".yaml");
        Path csv = dir.resolve("users-" + rows + ".csv");
        generate(rows, yaml, csv);
        String template = migratedTemplate();
        System.out.printf("%,d rows; seed file %s (%,d bytes), CSV %s (%,d bytes); PostgreSQL on port %d; %d CPUs%n",
                rows, REPO.relativize(yaml), Files.size(yaml), REPO.relativize(csv), Files.size(csv),
                TestPostgres.port(), Runtime.getRuntime().availableProcessors());

        long parseStart = System.nanoTime();
        new SeedFileParser("postgres", Set.of("clickhouse"), REPO).parse(yaml, yaml.toString());
        System.out.printf("YAML parse alone, first in this JVM: %,d ms%n", millis(parseStart));
        for (int i = 1; i <= 2; i++) {
            seed(copyOf(template, "bench_warmup"), yaml); // warm-up, not reported
        }
        drop("bench_warmup");

        System.out.println("round   psql \\copy   seed cold (JVM process)   ratio   seed warm   ratio   "
                + "dry run (parse+plan)   seed again (unchanged)");
        List<Long> copies = new ArrayList<>();
        List<Long> colds = new ArrayList<>();
        List<Long> processes = new ArrayList<>();
        List<Long> warms = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            String copyDb = copyOf(template, "bench_copy_" + round);
            long copyStart = System.nanoTime();
            psqlCopy(copyDb, csv);
            long copyMs = millis(copyStart);
            require(copyDb, rows);
            drop(copyDb);

            String coldDb = copyOf(template, "bench_cold_" + round);
            long processStart = System.nanoTime();
            long coldMs = coldSeedProcess(coldDb, yaml);
            long processMs = millis(processStart);
            require(coldDb, rows);
            drop(coldDb);

            String seedDb = copyOf(template, "bench_seed_" + round);
            long seedStart = System.nanoTime();
            SeedResult first = seed(seedDb, yaml);
            long warmMs = millis(seedStart);
            require(seedDb, rows);
            if (first.inserted() != rows) {
                throw new IllegalStateException("expected " + rows + " inserted, got " + first.tables());
            }
            long dryStart = System.nanoTime();
            seed(seedDb, yaml, "true");
            long dryMs = millis(dryStart);
            long againStart = System.nanoTime();
            SeedResult again = seed(seedDb, yaml);
            long againMs = millis(againStart);
            if (again.unchanged() != rows) {
                throw new IllegalStateException("expected " + rows + " unchanged, got " + again.tables());
            }
            drop(seedDb);
            System.out.printf("%5d   %8d ms   %7d ms (%7d ms)   %4.2fx   %6d ms   %4.2fx   %17d ms   %19d ms%n",
                    round, copyMs, coldMs, processMs, (double) coldMs / copyMs, warmMs, (double) warmMs / copyMs,
                    dryMs, againMs);
            copies.add(copyMs);
            colds.add(coldMs);
            processes.add(processMs);
            warms.add(warmMs);
        }
        long copy = median(copies);
        System.out.printf("median  psql \\copy %d ms; seed cold %d ms = %.2fx (JVM process %d ms = %.2fx); "
                        + "seed warm %d ms = %.2fx%n", copy, median(colds), (double) median(colds) / copy,
                median(processes), (double) median(processes) / copy, median(warms),
                (double) median(warms) / copy);
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

    private static void generate(int rows, Path yaml, Path csv) throws IOException {
        LocalDateTime start = LocalDateTime.of(2024, 1, 1, 0, 0);
        try (BufferedWriter y = Files.newBufferedWriter(yaml); BufferedWriter c = Files.newBufferedWriter(csv)) {
            y.write("# generated by CopyVsSeedBenchmark\nusers:\n");
            for (int i = 0; i < rows; i++) {
                String id = String.format("01HZ%022d", i);
                String created = start.plusSeconds(i * 37L).toString();
                boolean active = i % 10 != 0;
                String name = i % 1000 == 0 ? "O'Brien; DROP TABLE users; -- " + i : "User " + i;
                y.write("  - id: " + id + "\n    email: user" + i + "@bench.example\n"
                        + "    password_hash: \"$2a$10$benchbenchbenchbenchbenchbenchbenchbenchbenchbench\"\n"
                        + "    name: \"" + name + "\"\n    timezone: Europe/Berlin\n    is_active: " + active + "\n"
                        + "    default_organization_id: " + ORGANIZATION + "\n"
                        + "    preferences: {theme: dark, digest: weekly, n: " + i + "}\n"
                        + "    created_at: " + created + "Z\n");
                c.write(id + ",user" + i + "@bench.example,$2a$10$benchbenchbenchbenchbenchbenchbenchbenchbenchbench,"
                        + "\"" + name + "\",Europe/Berlin," + active + "," + ORGANIZATION + ","
                        + "\"{\"\"theme\"\": \"\"dark\"\", \"\"digest\"\": \"\"weekly\"\", \"\"n\"\": " + i + "}\","
                        + created + "\n");
            }
        }
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
                "\\copy users (" + COLUMNS + ") FROM '" + csv + "' WITH (FORMAT csv)")
                .inheritIO().start();
        if (!psql.waitFor(10, TimeUnit.MINUTES) || psql.exitValue() != 0) {
            throw new IllegalStateException("psql \\copy failed");
        }
    }

    private static SeedResult seed(String database, Path yaml) {
        return seed(database, yaml, "false");
    }

    private static SeedResult seed(String database, Path yaml, String dryRun) {
        return migrator(TestPostgres.url(database), Map.of("seedFile", yaml.toString(), "dryRun", dryRun)).seed();
    }

    private static Migrator migrator(String url, Map<String, String> options) {
        Map<String, String> properties = new HashMap<>();
        properties.put("brokle.migrate.db", "postgres");
        properties.put("brokle.migrate.postgres.url", url);
        properties.put("brokle.migrate.postgres.username", TestPostgres.USER);
        options.forEach((k, v) -> properties.put("brokle.migrate." + k, v));
        MigrateConfig config = ConfigResolver.resolve(new ConfigSources(REPO, REPO.resolve(
                "brokle-migrate-maven-plugin/target/bench"), Map.of(), Map.of(), properties, id -> Optional.empty()));
        return new Migrator(config, new Reporter() {
            @Override
            public void info(String line) {
                if (System.getProperty("bench.verbose") != null) {
                    System.out.println("  " + line);
                }
            }

            @Override
            public void warn(String line) {
                System.out.println("WARN " + line);
            }
        }, action -> Confirmer.Decision.NO_CONSOLE);
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
