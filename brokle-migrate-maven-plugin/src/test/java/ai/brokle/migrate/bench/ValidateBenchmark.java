package ai.brokle.migrate.bench;

import ai.brokle.migrate.engine.Confirmer;
import ai.brokle.migrate.engine.ValidationReport;
import ai.brokle.migrate.testing.TestMigrator;
import ai.brokle.migrate.testing.TestMigrators;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Engine time of {@code validate} over N generated files (half PostgreSQL, half ClickHouse; up/down pairs of
 * realistic size), in a fresh JVM: the first run (cold, as a pre-commit hook sees it) and the median of the next ten.
 * Run by bench/validate-files.sh; not a test.
 */
public final class ValidateBenchmark {

    public static void main(String[] args) throws IOException {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Path project = Files.createTempDirectory("brokle-validate-bench");
        generate(project, files);
        Map<String, String> properties = Map.of("brokle.migrate.postgres.url", "postgres://bench@127.0.0.1:1/none",
                "brokle.migrate.clickhouse.url", "clickhouse://bench@127.0.0.1:1/none");
        List<String> log = new ArrayList<>();
        long[] engine = new long[11];
        long[] wall = new long[11];
        ValidationReport report = null;
        for (int run = 0; run < engine.length; run++) {
            log.clear();
            TestMigrator migrator = TestMigrators.build(project, properties, log,
                    action -> Confirmer.Decision.NO_CONSOLE);
            long start = System.nanoTime();
            report = migrator.validate();
            wall[run] = System.nanoTime() - start;
            engine[run] = report.nanos();
        }
        long[] warm = Arrays.copyOfRange(engine, 1, engine.length);
        long[] warmWall = Arrays.copyOfRange(wall, 1, wall.length);
        Arrays.sort(warm);
        Arrays.sort(warmWall);
        System.out.printf("files=%d statements=%d findings=%d (errors=%d)%n", files,
                report.results().stream().mapToInt(r -> r.statements()).sum(),
                report.errors() + report.warnings(), report.errors());
        System.out.printf("first run: lint %d ms, validate() with reports %d ms%n", engine[0] / 1_000_000,
                wall[0] / 1_000_000);
        System.out.printf("warm median of 10: lint %d ms, validate() with reports %d ms%n",
                warm[warm.length / 2] / 1_000_000, warmWall[warmWall.length / 2] / 1_000_000);
    }

    private static void generate(Path project, int files) throws IOException {
        Path pg = Files.createDirectories(project.resolve("migrations"));
        Path ch = Files.createDirectories(project.resolve("migrations/clickhouse"));
        for (int i = 1; i <= files / 4; i++) {
            String v = String.format("%06d", i);
            Files.writeString(pg.resolve(v + "_table_" + i + ".up.sql"), "-- Migration: table_" + i + "\n\n"
                    + "CREATE TABLE IF NOT EXISTS table_" + i + " (\n    id VARCHAR(26) PRIMARY KEY,\n"
                    + "    organization_id VARCHAR(26) NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,\n"
                    + "    name VARCHAR(255) NOT NULL,\n    status VARCHAR(50) NOT NULL DEFAULT 'active',\n"
                    + "    settings JSONB NOT NULL DEFAULT '{}'::jsonb,\n"
                    + "    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,\n"
                    + "    updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP\n);\n\n"
                    + "CREATE INDEX IF NOT EXISTS idx_table_" + i + "_org ON table_" + i + "(organization_id);\n"
                    + "ALTER TABLE table_" + (i > 1 ? i - 1 : i) + " ADD COLUMN IF NOT EXISTS note_" + i
                    + " TEXT;\nCOMMENT ON TABLE table_" + i + " IS 'generated; with a ; inside';\n");
            Files.writeString(pg.resolve(v + "_table_" + i + ".down.sql"), "DROP INDEX IF EXISTS idx_table_" + i
                    + "_org;\nDROP TABLE IF EXISTS table_" + i + ";\n");
            Files.writeString(ch.resolve(v + "_events_" + i + ".up.sql"), "-- ClickHouse Migration: events_" + i
                    + "\n\nCREATE TABLE IF NOT EXISTS events_" + i + " (\n    id String,\n    project_id String,\n"
                    + "    input Nullable(String) CODEC(ZSTD(1)),\n    output Nullable(String) CODEC(ZSTD(1)),\n"
                    + "    start_time DateTime64(3),\n    created_at DateTime64(3) DEFAULT now64(3)\n)\n"
                    + "ENGINE = MergeTree()\nPARTITION BY toYYYYMM(start_time)\nORDER BY (project_id, start_time, id)\n"
                    + "TTL toDateTime(start_time) + INTERVAL 365 DAY\nSETTINGS index_granularity = 8192;\n\n"
                    + "ALTER TABLE events_" + i + " ADD INDEX IF NOT EXISTS idx_events_" + i
                    + "_id id TYPE bloom_filter(0.01) GRANULARITY 1;\n");
            Files.writeString(ch.resolve(v + "_events_" + i + ".down.sql"), "DROP TABLE IF EXISTS events_" + i + ";\n");
        }
    }
}
