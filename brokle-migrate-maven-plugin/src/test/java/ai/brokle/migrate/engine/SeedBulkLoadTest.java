package ai.brokle.migrate.engine;

import ai.brokle.migrate.testing.TestMigrator;
import ai.brokle.migrate.config.GoalOptions;
import ai.brokle.migrate.config.ConfigSources;
import ai.brokle.migrate.config.MigrateConfig;
import ai.brokle.migrate.seed.InvalidSeedException;
import ai.brokle.migrate.seed.SeedResult;
import ai.brokle.migrate.seed.SeedResult.TableResult;
import ai.brokle.migrate.seed.SeedWriteException;
import ai.brokle.migrate.testing.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
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
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How large seeds are written on PostgreSQL: COPY into tables that start empty (the same stored values and counts as
 * the upsert), a late problem leaves nothing written, a problem in the file is reported before a refusal by the
 * database, and a parse error before any connection.
 */
class SeedBulkLoadTest {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    /** Text that must survive COPY's and the upsert's encodings alike. */
    private static final List<String> AWKWARD = List.of("back\\slash", "tab\there", "new\nline", "carriage\rreturn",
            "say \"hi\"", "O'Brien; DROP TABLE users; --", "", "NULL", "\\N", "{a,b}", "emoji \uD83D\uDE80", "Zoë",
            " padded ", "\\.");
    /**
     * Enough rows for five chunks of 5,000 before the last 100: with at most two chunks waiting for the writer, it
     * has then finished at least two of them (a deterministic count, not a timing).
     */
    private static final int MANY = 26_000;

    @TempDir
    Path work;
    String url;

    @BeforeEach
    void database() {
        url = TestPostgres.newDatabase("seed_bulk");
    }

    @Test
    void copyIntoAnEmptyTableStoresWhatTheUpsertStores() throws Exception {
        execute("CREATE TYPE bulk_mood AS ENUM ('happy', 'so-so', 'sad')",
                "CREATE TABLE copied (id text PRIMARY KEY, t text, v varchar(40), c char(3), i int, n numeric(10,3), "
                        + "f double precision, b boolean, ts timestamp, tz timestamptz, d date, tm time, u uuid, "
                        + "j jsonb, js json, m bulk_mood, tags text[], nums int[], ip inet)",
                "CREATE TABLE upserted (LIKE copied INCLUDING ALL)", // not empty: staging table + upsert
                "CREATE TABLE flat (id text PRIMARY KEY, t text, j jsonb)", // not empty either
                "CREATE SEQUENCE copy_statements", "CREATE SEQUENCE insert_statements",
                // which statement wrote the rows: COPY for the empty table, INSERT for the one that was not
                "CREATE FUNCTION count_statement() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                        + "PERFORM nextval(CASE WHEN current_query() LIKE 'COPY%' THEN 'copy_statements' "
                        + "ELSE 'insert_statements' END); RETURN NULL; END $$",
                "CREATE TRIGGER copied_statements AFTER INSERT ON copied FOR EACH STATEMENT "
                        + "EXECUTE FUNCTION count_statement()",
                "INSERT INTO upserted (id) VALUES ('~already there')", "INSERT INTO flat (id) VALUES ('~already there')");
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < AWKWARD.size(); i++) {
            String text = quoted(AWKWARD.get(i));
            rows.append("  - id: r").append(String.format("%02d", i)).append('\n')
                    .append("    t: ").append(text).append('\n')
                    .append("    v: ").append(text).append('\n')
                    .append("    c: ab\n    i: ").append(i - 7).append('\n')
                    .append("    n: 12.5\n    f: 0.1\n    b: ").append(i % 2 == 0).append('\n')
                    .append("    ts: 2024-01-15T10:00:0").append(i % 10).append(".123456789Z\n")
                    .append("    tz: 2024-01-15T10:00:00+0").append(i % 10).append(":00\n")
                    .append("    d: 2024-02-29\n    tm: '13:45:30.5'\n")
                    .append("    u: 0b6f4d1e-8c1a-4f4e-9a53-2f1c9d7e5b1").append(i % 10).append('\n')
                    .append("    j: {text: ").append(text).append(", n: ").append(i).append(", list: [1, two, null]}\n")
                    .append("    js: '{\"raw\": \"a\\\\tb\"}'\n")
                    .append("    m: so-so\n")
                    .append("    tags: [").append(text).append(", '', null, 'NULL', 'x,y']\n")
                    .append("    nums: [1, -2, null]\n")
                    .append("    ip: 10.0.0.").append(i).append('\n');
        }
        rows.append("  - id: all-null\n    t: null\n    j: null\n    tags: null\n    nums: []\n");
        StringBuilder flat = new StringBuilder();
        for (int i = 0; i < AWKWARD.size(); i++) {
            String text = quoted(AWKWARD.get(i));
            flat.append("  - {id: r").append(String.format("%02d", i)).append(", t: ").append(text)
                    .append(", j: {text: ").append(text).append(", n: ").append(i).append(", list: [1, two, null]}}\n");
        }
        String yaml = "copied:\n" + rows + "upserted:\n" + rows + "flat:\n" + flat;

        SeedResult first = seedText(yaml);
        int count = AWKWARD.size() + 1;
        assertEquals(count, table(first, "copied").inserted());
        assertEquals(count, table(first, "upserted").inserted());
        assertEquals(2, Long.parseLong(text("SELECT last_value FROM copy_statements")), "a COPY per row shape");
        assertEquals("f", text("SELECT is_called FROM insert_statements"), "no INSERT wrote copied");
        String columns = "id, t, v, c, i, n, f, b, ts, tz, d, tm, u, j, js::text, m, tags, nums, ip";
        assertEquals(rows("SELECT " + columns + " FROM upserted WHERE id <> '~already there' ORDER BY id"),
                rows("SELECT " + columns + " FROM copied ORDER BY id"));
        assertEquals(rows("SELECT id, t, j FROM flat WHERE id <> '~already there' ORDER BY id"),
                rows("SELECT id, t, j FROM copied WHERE id <> 'all-null' ORDER BY id"));
        List<List<String>> stored = rows("SELECT t, v, tags[1], j->>'text' FROM copied WHERE id <> 'all-null' "
                + "ORDER BY id");
        for (int i = 0; i < AWKWARD.size(); i++) {
            assertEquals(List.of(AWKWARD.get(i), AWKWARD.get(i), AWKWARD.get(i), AWKWARD.get(i)), stored.get(i));
        }
        assertEquals(List.of(List.of("{\"raw\": \"a\\\\tb\"}", "{\"n\": 0, \"list\": [1, \"two\", null], "
                + "\"text\": \"back\\\\slash\"}", "{\"back\\\\slash\",\"\",NULL,\"NULL\",\"x,y\"}", "{1,-2,NULL}",
                "2024-01-15 10:00:00.123457")),
                rows("SELECT js::text, j::text, tags::text, nums::text, ts::text FROM copied WHERE id = 'r00'"));

        SeedResult again = seedText(yaml);
        assertEquals(count, table(again, "copied").unchanged());
        assertEquals(count, table(again, "upserted").unchanged());
    }

    @Test
    void aRowTheDatabaseRefusesDuringCopyIsNamedByTheUpsert() throws Exception {
        execute("CREATE TABLE checked (id int PRIMARY KEY, n int CHECK (n > 0))");
        SeedWriteException e = assertThrows(SeedWriteException.class,
                () -> seedText("checked:\n  - {id: 1, n: 1}\n  - {id: 2, n: -1}\n"));
        assertTrue(e.getMessage().contains("/seed.yaml:3: checked.n: the database refused the row: new row for "
                + "relation \"checked\" violates check constraint \"checked_n_check\""), e.getMessage());
        assertEquals("0", text("SELECT count(*) FROM checked"));
    }

    @Test
    void aRefusedRowAfterValuesWithLineBreaksIsNamedOnBothPaths() throws Exception {
        execute("CREATE TABLE checked (id int PRIMARY KEY, t text, n int CHECK (n > 0))");
        String yaml = "checked:\n  - {id: 1, t: \"a\\nb\\nc\", n: 1}\n  - {id: 2, t: \"x\\ny\", n: 1}\n"
                + "  - {id: 3, t: z,\n     n: -1}\n  - {id: 4, t: \"w\\nv\", n: 1}\n";
        SeedWriteException bulk = assertThrows(SeedWriteException.class, () -> seedText(yaml));
        assertTrue(bulk.getMessage().contains("/seed.yaml:5: checked.n: the database refused the row"),
                bulk.getMessage());
        execute("INSERT INTO checked VALUES (9, 'already there', 1)");
        SeedWriteException upsert = assertThrows(SeedWriteException.class, () -> seedText(yaml));
        assertTrue(upsert.getMessage().contains("/seed.yaml:5: checked.n: the database refused the row"),
                upsert.getMessage());
        assertEquals("1", text("SELECT count(*) FROM checked"));
    }

    @Test
    void aLateProblemInManyRowsLeavesNothingWritten() throws Exception {
        createMany();
        InvalidSeedException e = assertThrows(InvalidSeedException.class,
                () -> seedText(many(Map.of(MANY - 100, "    at: not-a-time\n"))));
        assertTrue(e.getMessage().contains(":" + manyLine(MANY - 100, 2) + ": many.at: value \"not-a-time\" does not "
                + "fit timestamp"), e.getMessage());
        assertEquals("0", text("SELECT count(*) FROM many"));
    }

    @Test
    void aLateRowTheDatabaseRefusesIsNamedAndNothingIsWritten() throws Exception {
        createMany();
        SeedWriteException e = assertThrows(SeedWriteException.class,
                () -> seedText(many(Map.of(MANY - 100, "    email: u3@example.com\n"))));
        assertTrue(e.getMessage().contains(":" + manyLine(MANY - 100, 1) + ": many.email: the database refused the "
                + "row: duplicate key value violates unique constraint \"many_email_key\""), e.getMessage());
        assertEquals("0", text("SELECT count(*) FROM many"));
    }

    @Test
    void aProblemInTheFileIsReportedBeforeAnEarlierRefusalByTheDatabase() throws Exception {
        createMany();
        InvalidSeedException e = assertThrows(InvalidSeedException.class, () -> seedText(many(Map.of(
                10, "    email: u3@example.com\n", MANY - 100, "    at: not-a-time\n"))));
        assertTrue(e.getMessage().contains("many.at: value \"not-a-time\""), e.getMessage());
        assertEquals("0", text("SELECT count(*) FROM many"));
    }

    @Test
    void rowsOfSeveralShapesAreAllCountedAndASecondRunChangesNothing() throws Exception {
        createMany();
        Map<Integer, String> shapes = new HashMap<>();
        for (int i = 0; i < MANY; i += 7) {
            shapes.put(i, i % 2 == 0 ? "    at: null\n" : "    at: now\n");
        }
        String yaml = many(shapes).replace("    at: null\n", "");
        assertEquals(MANY, table(seedText(yaml), "many").inserted());
        assertEquals(String.valueOf(MANY), text("SELECT count(*) FROM many"));
        assertEquals(String.valueOf((MANY + 13) / 14), text("SELECT count(*) FROM many WHERE at IS NULL"));
        assertEquals(MANY, table(seedText(yaml), "many").unchanged());
    }

    @Test
    void aParseErrorIsReportedBeforeAnUnreachableDatabase() throws IOException {
        url = "jdbc:postgresql://127.0.0.1:1/nowhere";
        InvalidSeedException e = assertThrows(InvalidSeedException.class, () -> seedText("users:\n  - id: \"open\n"));
        assertTrue(e.getMessage().contains("invalid YAML"), e.getMessage());
    }

    @Test
    void aFileWithoutPostgresTablesDoesNotNeedPostgres() throws IOException {
        url = "jdbc:postgresql://127.0.0.1:1/nowhere";
        SeedResult result = seedText("clickhouse:\n  traces:\n    - id: t1\n", Map.of("db", "all"));
        assertTrue(result.tables().isEmpty(), result.toString());
        assertEquals(1, result.skipped().size(), result.skipped().toString());
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private void createMany() throws SQLException {
        execute("CREATE TABLE many (id text PRIMARY KEY, email text NOT NULL UNIQUE, at timestamp)",
                "CREATE SEQUENCE many_statements",
                "CREATE FUNCTION count_many() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                        + "PERFORM nextval('many_statements'); RETURN NULL; END $$",
                "CREATE TRIGGER many_statements AFTER INSERT ON many FOR EACH STATEMENT EXECUTE FUNCTION count_many()");
    }

    /** {@link #MANY} rows of table many (id, email, at); {@code replaced} gives some rows another email or at line. */
    private static String many(Map<Integer, String> replaced) {
        StringBuilder yaml = new StringBuilder("many:\n");
        for (int i = 0; i < MANY; i++) {
            String line = replaced.getOrDefault(i, "");
            yaml.append("  - id: m").append(i).append('\n')
                    .append(line.startsWith("    email:") ? line : "    email: u" + i + "@example.com\n")
                    .append(line.startsWith("    at:") ? line : "    at: 2024-01-01T00:00:00Z\n");
        }
        return yaml.toString();
    }

    /** The line of the {@code offset}th line (0: id) of row {@code row} in {@link #many}. */
    private static int manyLine(int row, int offset) {
        return 2 + row * 3 + offset;
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\t", "\\t").replace("\n", "\\n")
                .replace("\r", "\\r") + "\"";
    }

    private SeedResult seedText(String yaml) throws IOException {
        return seedText(yaml, Map.of());
    }

    private SeedResult seedText(String yaml, Map<String, String> options) throws IOException {
        Path file = work.resolve("seed.yaml");
        Files.writeString(file, yaml);
        Map<String, String> properties = new HashMap<>();
        properties.put("brokle.migrate.db", "postgres");
        properties.put("brokle.migrate.postgres.url", url);
        properties.put("brokle.migrate.postgres.username", TestPostgres.USER);
        properties.put("brokle.migrate.seedFile", file.toString());
        options.forEach((k, v) -> properties.put("brokle.migrate." + k, v));
        MigrateConfig config = Configurations.resolve(new ConfigSources(REPO, work.resolve("target"), Map.of(),
                Map.of(), properties, id -> Optional.empty()));
        return new TestMigrator(new Migrator(config, new Reporter() {
            @Override
            public void info(String line) {
            }

            @Override
            public void warn(String line) {
            }
        }, action -> Confirmer.Decision.NO_CONSOLE), new GoalOptions(REPO, properties)).seed();
    }

    private static TableResult table(SeedResult result, String table) {
        return result.tables().stream().filter(t -> t.table().equals(table)).findFirst().orElseThrow();
    }

    private void execute(String... sql) throws SQLException {
        try (Connection c = TestPostgres.connect(url); Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        }
    }

    private String text(String sql) throws SQLException {
        return rows(sql).get(0).get(0);
    }

    private List<List<String>> rows(String sql) throws SQLException {
        try (Connection c = TestPostgres.connect(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            List<List<String>> rows = new ArrayList<>();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
