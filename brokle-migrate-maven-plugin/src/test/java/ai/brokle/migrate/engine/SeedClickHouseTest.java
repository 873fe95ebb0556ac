package ai.brokle.migrate.engine;

import ai.brokle.migrate.seed.InvalidSeedException;
import ai.brokle.migrate.seed.SeedResult;
import ai.brokle.migrate.seed.SeedResult.TableResult;
import ai.brokle.migrate.source.Migration;
import ai.brokle.migrate.source.MigrationDirectory;
import ai.brokle.migrate.sql.SqlStatement;
import ai.brokle.migrate.sql.SqlSyntax;
import ai.brokle.migrate.sql.StatementSplitter;
import ai.brokle.migrate.testing.TestMigrator;
import ai.brokle.migrate.testing.TestMigrators;
import ai.brokle.migrate.testing.TestClickHouse;
import ai.brokle.migrate.testing.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seeding the {@code clickhouse:} section on a real ClickHouse engine (the project's chdb endpoint): plain batched
 * INSERTs, typed values (arrays, maps, enums, decimals, DateTime64), append semantics, reset by TRUNCATE, dry runs,
 * and both datasources from one file.
 */
class SeedClickHouseTest {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path work;
    String url;
    final List<String> log = new ArrayList<>();

    /** The sample ClickHouse schema, created statement by statement (the migration engine is tested elsewhere). */
    @BeforeEach
    void createSchema() throws SQLException {
        url = TestClickHouse.newDatabase("seed");
        StatementSplitter splitter = new StatementSplitter(SqlSyntax.CLICKHOUSE);
        try (Connection c = TestClickHouse.connect(url); Statement s = c.createStatement()) {
            for (Migration migration : MigrationDirectory.load(REPO.resolve("migrations/clickhouse"), "postgres")) {
                for (SqlStatement statement : splitter.split(migration.upSql())) {
                    s.execute(statement.sql());
                }
            }
        }
    }

    @Test
    void devLoadsTypedRowsAndASecondRunAppendsThem() throws Exception {
        SeedResult first = seed(Map.of("seed", "dev"));
        assertEquals(List.of("traces", "spans", "quality_scores"),
                first.tables().stream().map(TableResult::table).toList());
        assertEquals(9, first.inserted());
        assertEquals(2, count("traces"));
        assertEquals(4, count("spans"));
        assertEquals(3, count("quality_scores"));
        assertEquals("['search','rag']", text("SELECT toString(tags) FROM traces WHERE id = "
                + "'518d435b78fe648ac17eacbdec5794f7'"));
        assertEquals("search-api", text("SELECT resource_attributes['service.name'] FROM traces WHERE id = "
                + "'518d435b78fe648ac17eacbdec5794f7'"));
        assertEquals("Where's my order; it said 2 days?", text("SELECT input FROM traces WHERE id = "
                + "'e852e19528be442da68021e10c051dc8'"));
        assertEquals("ERROR", text("SELECT toString(status_code) FROM traces WHERE id = "
                + "'e852e19528be442da68021e10c051dc8'"));
        assertEquals("2026-11-20 09:59:57.120", text("SELECT toString(start_time) FROM traces WHERE id = "
                + "'518d435b78fe648ac17eacbdec5794f7'"));
        assertEquals("1382", text("SELECT toString(usage_details['input']) FROM spans WHERE span_id = "
                + "'f177ea07d18f9dd3'"));
        assertEquals("0.003815", text("SELECT toString(toDecimal64(total_cost, 6)) FROM spans WHERE span_id = "
                + "'f177ea07d18f9dd3'"));
        assertEquals("timeout;upstream", text("SELECT string_value FROM quality_scores WHERE name = "
                + "'failure_category'"));
        assertEquals(4, Long.parseLong(text("SELECT toString(sum(span_count)) FROM project_usage_daily")),
                "the materialized view saw the inserted spans");

        SeedResult second = seed(Map.of("seed", "dev"));
        assertEquals(9, second.inserted(), "ClickHouse has no upsert: a second run appends");
        assertEquals(8, count("spans"));
    }

    @Test
    void resetTruncatesTheSeededTablesFirst() throws Exception {
        seed(Map.of("seed", "dev"));
        SeedResult result = seed(Map.of("seed", "dev", "reset", "true", "confirm", "yes"));
        assertEquals(-1, result.tables().get(0).deleted(), "TRUNCATE does not say how many rows it removed");
        assertEquals(4, count("spans"));
        assertEquals(2, count("traces"));
        assertThrows(ConfirmationRefusedException.class, () -> seed(Map.of("seed", "dev", "reset", "true")));
        assertEquals(4, count("spans"));
    }

    @Test
    void dryRunPrintsPlainInsertsAndWritesNothing() throws Exception {
        seed(Map.of("seed", "dev", "dryRun", "true"));
        String printed = String.join("\n", log);
        assertTrue(printed.contains("INSERT INTO `traces` (`id`, "), printed);
        assertTrue(printed.contains("[clickhouse]   2. spans"), printed);
        assertEquals(0, count("traces"));
    }

    @Test
    void aValueThatDoesNotFitIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path file = work.resolve("bad.yaml");
        Files.writeString(file, """
                clickhouse:
                  traces:
                    - id: t1
                      project_id: p
                      organization_id: o
                      name: n
                      start_time: 2026-11-20T10:00:00Z
                  spans:
                    - span_id: s1
                      trace_id: t1
                      project_id: p
                      organization_id: o
                      span_name: x
                      start_time: 2026-11-20T10:00:00Z
                      span_kind: SIDEWAYS
                """);
        InvalidSeedException e = assertThrows(InvalidSeedException.class,
                () -> seed(Map.of("seedFile", file.toString())));
        assertTrue(e.getMessage().contains("bad.yaml:15: spans.span_kind: value \"SIDEWAYS\" does not fit "
                + "Enum8('UNSPECIFIED' = 0, 'INTERNAL' = 1"), e.getMessage());
        assertEquals(0, count("traces"));
    }

    @Test
    void awkwardTextIsStoredLiterally() throws Exception {
        Path file = work.resolve("awkward.yaml");
        Files.writeString(file, """
                clickhouse:
                  traces:
                    - id: t1
                      project_id: p
                      organization_id: o
                      name: "O'Brien; DROP TABLE traces; -- \\\\ end"
                      tags: ["it's", "a\\"b", "{x}"]
                      resource_attributes: {"k'1": "v;2"}
                      start_time: 2026-11-20T10:00:00Z
                """);
        seed(Map.of("seedFile", file.toString()));
        assertEquals("O'Brien; DROP TABLE traces; -- \\ end", text("SELECT name FROM traces"));
        assertEquals("it's|a\"b|{x}", text("SELECT arrayStringConcat(tags, '|') FROM traces"));
        assertEquals("v;2", text("SELECT resource_attributes['k\\'1'] FROM traces"));
    }

    @Test
    void oneFileSeedsBothDatasources() throws Exception {
        String postgres = TestPostgres.newDatabase("seed_both");
        Map<String, String> options = new HashMap<>();
        options.put("db", "postgres");
        options.put("postgres.url", postgres);
        options.put("postgres.username", TestPostgres.USER);
        migrator(options).up();
        options.put("db", "all");
        options.put("seed", "dev");
        SeedResult result = migrator(options).seed();
        assertEquals(List.of("postgres", "clickhouse"), result.tables().stream().map(TableResult::datasource)
                .distinct().toList());
        assertTrue(result.skipped().isEmpty(), result.skipped().toString());
        assertEquals(2, count("traces"));
        try (Connection c = TestPostgres.connect(postgres); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM organizations")) {
            rs.next();
            assertEquals(2, rs.getLong(1));
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    SeedResult seed(Map<String, String> options) {
        Map<String, String> all = new HashMap<>(options);
        all.put("db", "clickhouse");
        return migrator(all).seed();
    }

    TestMigrator migrator(Map<String, String> options) {
        Map<String, String> properties = new HashMap<>();
        properties.put("brokle.migrate.clickhouse.url", url);
        options.forEach((k, v) -> properties.put("brokle.migrate." + k, v));
        return TestMigrators.build(REPO, work.resolve("target"), properties, log,
                action -> Confirmer.Decision.NO_CONSOLE);
    }

    private long count(String table) throws SQLException {
        return Long.parseLong(text("SELECT toString(count()) FROM " + table));
    }

    private String text(String sql) throws SQLException {
        try (Connection c = TestClickHouse.connect(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getString(1);
        }
    }
}
