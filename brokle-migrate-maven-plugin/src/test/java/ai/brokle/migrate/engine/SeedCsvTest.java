package ai.brokle.migrate.engine;

import ai.brokle.migrate.seed.InvalidSeedException;
import ai.brokle.migrate.seed.SeedResult;
import ai.brokle.migrate.seed.SeedResult.TableResult;
import ai.brokle.migrate.seed.SeedWriteException;
import ai.brokle.migrate.testing.TestClickHouse;
import ai.brokle.migrate.testing.TestMigrators;
import ai.brokle.migrate.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
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
 * Bulk data from CSV files ({@code events: {csv: seeds/events.csv}}, relative to the project): PostgreSQL COPY in
 * the seed's one transaction with exact counts (upsert through a staging table when the table has rows), ClickHouse
 * {@code FORMAT CSVWithNames}; a refused value named by the CSV file's line; a missing file; a header that names
 * columns the table lacks.
 */
class SeedCsvTest {

    private static final String PG_TABLES = "CREATE TABLE owners (id int PRIMARY KEY, name text NOT NULL); "
            + "CREATE TABLE events (id int PRIMARY KEY, owner_id int REFERENCES owners(id), name text NOT NULL, "
            + "n int CHECK (n >= 0), payload jsonb)";
    private static final String SEED = "events: {csv: seeds/events.csv}\nowners:\n  - {id: 1, name: Owner}\n";
    /** Record 3 spans lines 4-5 (a quoted line break), so record 4 starts on line 6. */
    private static final String CSV = "id,owner_id,name,n,payload\n"
            + "1,1,\"first, with a comma\",1,\"{\"\"a\"\": 1}\"\n"
            + "2,1,\"two \"\"quoted\"\"\",,\n"
            + "3,,\"three\nlines\",3,[]\n"
            + "4,1,four,4,{}\n";

    @TempDir
    Path project;
    final List<String> log = new ArrayList<>();

    // ---- PostgreSQL ------------------------------------------------------------------------------------------

    @Test
    void postgresLoadsTheCsvAndUpsertsItWithExactCounts() throws Exception {
        String url = postgres();
        SeedResult first = seed(url, null, SEED, CSV);
        assertEquals(List.of("owners", "events"), first.tables().stream().map(TableResult::table).toList());
        assertEquals(List.of(4L, 0L, 0L), counts(first, "events"));
        assertEquals(4, table(first, "events").rows());
        assertEquals(List.of("first, with a comma|1|{\"a\": 1}", "two \"quoted\"|null|null", "three\nlines|3|[]",
                "four|4|{}"), pg(url, "SELECT name || '|' || coalesce(n::text, 'null') || '|' "
                + "|| coalesce(payload::text, 'null') FROM events ORDER BY id"));

        assertEquals(List.of(0L, 0L, 4L), counts(seed(url, null, SEED, CSV), "events"), "a second run changes nothing");
        String edited = CSV.replace("4,1,four,4,{}", "4,1,four,44,{}") + "5,1,five,5,{}\n";
        assertEquals(List.of(1L, 1L, 3L), counts(seed(url, null, SEED, edited), "events"));
        assertEquals(List.of("44"), pg(url, "SELECT n::text FROM events WHERE id = 4"));
    }

    @Test
    void postgresNamesTheCsvLineOfARefusedValueAndWritesNothing() throws Exception {
        String url = postgres();
        SeedWriteException bulk = assertThrows(SeedWriteException.class, () -> seed(url, null, SEED,
                CSV.replace("4,1,four,4", "4,1,four,lots")));
        assertTrue(bulk.getMessage().startsWith("seeds/events.csv:6: events.n: the database refused the row: "
                + "invalid input syntax for type integer: \"lots\""), bulk.getMessage());
        assertEquals(List.of("0"), pg(url, "SELECT count(*)::text FROM owners"), "the YAML rows were rolled back");

        seed(url, null, SEED, CSV);
        SeedWriteException upsert = assertThrows(SeedWriteException.class, () -> seed(url, null, SEED,
                CSV.replace("4,1,four,4", "4,1,four,-4")));
        assertTrue(upsert.getMessage().startsWith("seeds/events.csv:6: events.n: the database refused the row: new "
                + "row for relation \"events\" violates check constraint \"events_n_check\""), upsert.getMessage());
        assertEquals(List.of("4"), pg(url, "SELECT n::text FROM events WHERE id = 4"));
    }

    @Test
    void postgresRefusesAMissingFileAndAHeaderThatDoesNotMatchTheTable() throws Exception {
        String url = postgres();
        InvalidSeedException missing = assertThrows(InvalidSeedException.class,
                () -> seed(url, null, SEED.replace("events.csv", "nope.csv"), CSV));
        assertTrue(missing.getMessage().startsWith("seeds/seed.yaml:1: events: the CSV file seeds/nope.csv does not "
                + "exist"), missing.getMessage());
        InvalidSeedException header = assertThrows(InvalidSeedException.class,
                () -> seed(url, null, SEED, CSV.replace(",name,", ",nmae,")));
        assertTrue(header.getMessage().startsWith("seeds/events.csv:1: events.nmae: the CSV header names a column "
                + "table events does not have (columns: id, owner_id, name, n, payload)"), header.getMessage());
        InvalidSeedException key = assertThrows(InvalidSeedException.class,
                () -> seed(url, null, SEED, CSV.replace("id,owner_id", "owner_id").replaceAll("(?m)^\\d,", "")));
        assertTrue(key.getMessage().startsWith("seeds/events.csv:1: events.id: the CSV header leaves out this "
                + "primary-key column"), key.getMessage());
        assertEquals(List.of("0"), pg(url, "SELECT count(*)::text FROM owners"));
    }

    // ---- ClickHouse ------------------------------------------------------------------------------------------

    private static final String CH_SEED = "clickhouse:\n  events: {csv: seeds/events.csv}\n";
    private static final String CH_CSV = """
            id,n,tags
            a,1,"['x','y']"
            b,2,"[]"
            c,3,"['multi
            line']"
            d,4,"['z']"
            """;

    @Test
    void clickHouseLoadsTheCsvWithCsvWithNames() throws Exception {
        String url = clickHouse();
        SeedResult result = seed(null, url, CH_SEED, CH_CSV);
        assertEquals(List.of(4L, 0L, 0L), counts(result, "events"));
        assertEquals(List.of("a|1|x,y", "b|2|", "c|3|multi\nline", "d|4|z"), ch(url, "SELECT concat(id, '|', "
                + "toString(n), '|', arrayStringConcat(tags, ',')) FROM events ORDER BY id"));
    }

    @Test
    void clickHouseNamesTheCsvLineOfARefusedValue() throws Exception {
        String url = clickHouse();
        SeedWriteException e = assertThrows(SeedWriteException.class,
                () -> seed(null, url, CH_SEED, CH_CSV.replace("d,4,", "d,lots,")));
        assertTrue(e.getMessage().startsWith("seeds/events.csv:6: events: ClickHouse refused the CSV data: "),
                e.getMessage());
    }

    @Test
    void clickHouseRefusesAMissingFileAndAHeaderThatDoesNotMatchTheTable() throws Exception {
        String url = clickHouse();
        InvalidSeedException missing = assertThrows(InvalidSeedException.class,
                () -> seed(null, url, CH_SEED.replace("events.csv", "nope.csv"), CH_CSV));
        assertTrue(missing.getMessage().startsWith("seeds/seed.yaml:2: events: the CSV file seeds/nope.csv does not "
                + "exist"), missing.getMessage());
        InvalidSeedException header = assertThrows(InvalidSeedException.class,
                () -> seed(null, url, CH_SEED, CH_CSV.replace("id,n,tags", "id,count,tags")));
        assertTrue(header.getMessage().startsWith("seeds/events.csv:1: events.count: the CSV header names a column "
                + "table events does not have (columns: id, n, tags)"), header.getMessage());
        assertEquals(List.of("0"), ch(url, "SELECT toString(count()) FROM events"));
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private static String postgres() throws SQLException {
        String url = TestPostgres.newDatabase("seed_csv");
        try (Connection c = TestPostgres.connect(url); Statement s = c.createStatement()) {
            s.execute(PG_TABLES);
        }
        return url;
    }

    private static String clickHouse() throws SQLException {
        String url = TestClickHouse.newDatabase("seed_csv");
        try (Connection c = TestClickHouse.connect(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE events (id String, n UInt32, tags Array(String)) ENGINE = MergeTree ORDER BY id");
        }
        return url;
    }

    /** Seeds {@code seeds/seed.yaml} with {@code seeds/events.csv} beside it, into the datasources given. */
    private SeedResult seed(String postgres, String clickHouse, String yaml, String csv) throws IOException {
        Files.createDirectories(project.resolve("seeds"));
        Files.writeString(project.resolve("seeds/seed.yaml"), yaml);
        Files.writeString(project.resolve("seeds/events.csv"), csv);
        Map<String, String> properties = new HashMap<>();
        properties.put("brokle.migrate.seed", "seed");
        properties.put("brokle.migrate.db", postgres != null ? "postgres" : "clickhouse");
        if (postgres != null) {
            properties.put("brokle.migrate.postgres.url", postgres);
            properties.put("brokle.migrate.postgres.username", TestPostgres.USER);
        } else {
            properties.put("brokle.migrate.clickhouse.url", clickHouse);
        }
        return TestMigrators.build(project, properties, log, action -> Confirmer.Decision.NO_CONSOLE).seed();
    }

    private static TableResult table(SeedResult result, String table) {
        return result.tables().stream().filter(t -> t.table().equals(table)).findFirst().orElseThrow();
    }

    private static List<Long> counts(SeedResult result, String table) {
        TableResult t = table(result, table);
        return List.of(t.inserted(), t.updated(), t.unchanged());
    }

    private static List<String> pg(String url, String sql) throws SQLException {
        try (Connection c = TestPostgres.connect(url)) {
            return rows(c, sql);
        }
    }

    private static List<String> ch(String url, String sql) throws SQLException {
        try (Connection c = TestClickHouse.connect(url)) {
            return rows(c, sql);
        }
    }

    private static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
