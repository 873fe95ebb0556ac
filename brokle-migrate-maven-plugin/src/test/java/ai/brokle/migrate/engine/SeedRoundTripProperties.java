package ai.brokle.migrate.engine;

import ai.brokle.migrate.seed.SeedResult;
import ai.brokle.migrate.testing.TestClickHouse;
import ai.brokle.migrate.testing.TestMigrators;
import ai.brokle.migrate.testing.TestPostgres;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Seeding by round trip on the real databases: random rows (text full of quotes, backslashes, line breaks, tabs,
 * YAML words and non-ASCII; arrays; numbers; dates; instants with offsets; JSON or a map) are written as a YAML seed.
 * PostgreSQL: loaded by {@code seed} into an empty table (the COPY path), then again with some rows changed and some
 * added (the upsert path); ClickHouse: loaded into an empty table (batched inserts through the driver). What the
 * database then holds must be exactly the rows, and the counts exactly what changed.
 */
class SeedRoundTripProperties {

    private static final String TABLE = "CREATE TABLE items (id text PRIMARY KEY, t text, tags text[], n bigint, "
            + "d numeric, f float8, b boolean, day date, at timestamptz, doc jsonb)";
    private static final List<String> PIECES = List.of("a", "Z", " ", "'", "\"", "\\", "\t", "\n", "\r\n", ",", ";",
            "{", "}", "[", "]", "#", ": ", "- ", "&a", "*a", "!", "|", ">", "%", "@", "`", "\\.", "\\N", "NULL",
            "yes", "null", "~", "1.5", "0x1F", "2024-01-01", "é", "日本", "😀", "\u2028", "\u0001");
    private static final String CLICKHOUSE_TABLE = "CREATE TABLE items (id String, t Nullable(String), "
            + "tags Array(String), n Int64, d Decimal(38, 6), f Float64, b Bool, day Date32, at DateTime64(3, 'UTC'), "
            + "doc Map(String, String)) ENGINE = MergeTree ORDER BY id";
    /** Every column as text ClickHouse renders unambiguously: strings base64 (list elements after '='), the instant
     *  in epoch milliseconds. */
    private static final String CLICKHOUSE_READ = "SELECT id, t IS NULL, base64Encode(ifNull(t, '')), "
            + "arrayStringConcat(arrayMap(x -> concat('=', base64Encode(x)), tags), ','), toString(n), toString(d), toString(f), "
            + "toString(b), toString(day), toString(toUnixTimestamp64Milli(at)), arrayStringConcat(arrayMap((k, v) -> "
            + "concat('=', base64Encode(k), ':', base64Encode(v)), mapKeys(doc), mapValues(doc)), ',') FROM items";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String url;
    private static String clickHouseUrl;
    private static Path project;

    record Item(String id, String t, List<String> tags, long n, BigDecimal d, double f, boolean b, LocalDate day,
                OffsetDateTime at, Map<String, Object> doc) {
    }

    @BeforeContainer
    static void createTable() throws Exception {
        url = TestPostgres.newDatabase("seed_roundtrip");
        project = Files.createTempDirectory("brokle-seed-roundtrip");
        Files.createDirectories(project.resolve("seeds"));
        try (Connection c = TestPostgres.connect(url); Statement s = c.createStatement()) {
            s.execute(TABLE);
        }
        clickHouseUrl = TestClickHouse.newDatabase("seed_roundtrip");
    }

    @AfterContainer
    static void removeProject() throws IOException {
        try (var files = Files.walk(project)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Property(tries = 40)
    void whatIsSeededIsWhatTheDatabaseHolds(@ForAll("items") List<Item> firstDrawn, @ForAll("items") List<Item> more,
                                            @ForAll("texts") String changed) throws Exception {
        List<Item> first = firstDrawn.isEmpty() ? more : firstDrawn;
        if (first.isEmpty()) {
            return; // nothing to seed
        }
        try (Connection c = TestPostgres.connect(url); Statement s = c.createStatement()) {
            s.execute("TRUNCATE items");
        }
        SeedResult loaded = seed(first, false);
        assertEquals(List.of(first.size(), 0, 0), counts(loaded));
        assertEquals(byId(first), read());

        // again: every other row changed (if its text differs), and the new rows added
        List<Item> second = new ArrayList<>();
        int updated = 0;
        for (int i = 0; i < first.size(); i++) {
            Item item = first.get(i);
            boolean change = i % 2 == 0 && !changed.equals(item.t());
            second.add(change ? new Item(item.id(), changed, item.tags(), item.n(), item.d(), item.f(), item.b(),
                    item.day(), item.at(), item.doc()) : item);
            updated += change ? 1 : 0;
        }
        for (Item item : more) {
            second.add(new Item("new-" + item.id(), item.t(), item.tags(), item.n(), item.d(), item.f(), item.b(),
                    item.day(), item.at(), item.doc()));
        }
        SeedResult again = seed(second, false);
        assertEquals(List.of(more.size(), updated, first.size() - updated), counts(again));
        assertEquals(byId(second), read());
    }

    @Property(tries = 25)
    void whatIsSeededIsWhatClickHouseHolds(@ForAll("clickHouseItems") List<Item> items) throws Exception {
        if (items.isEmpty()) {
            return;
        }
        try (Connection c = TestClickHouse.connect(clickHouseUrl); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS items");
            s.execute(CLICKHOUSE_TABLE);
        }
        assertEquals(List.of(items.size(), 0, 0), counts(seed(items, true)));
        Map<String, List<Object>> expected = new HashMap<>();
        for (Item i : items) {
            expected.put(i.id(), List.of(textOrNull(i.t()), i.tags(), i.n(), i.d().stripTrailingZeros(), i.f(), i.b(),
                    i.day(), i.at().toInstant(), i.doc()));
        }
        assertEquals(expected, readClickHouse());
    }

    @Provide
    Arbitrary<List<Item>> clickHouseItems() {
        // Date32 and DateTime64 hold 1900-2299; a Map(String, String) holds text only
        return items(Arbitraries.integers().between(-25_000, 47_000), texts().map(v -> v));
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.of(PIECES).list().ofMaxSize(6).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<List<Item>> items() {
        return items(Arbitraries.integers().between(-40_000, 60_000), Arbitraries.oneOf(texts().map(v -> (Object) v),
                Arbitraries.longs().map(v -> (Object) v), Arbitraries.of(true, false).map(v -> (Object) v)));
    }

    private Arbitrary<List<Item>> items(Arbitrary<Integer> epochDays, Arbitrary<Object> docValues) {
        Arbitrary<String> text = texts();
        Arbitrary<BigDecimal> decimal = Combinators.combine(Arbitraries.longs().between(-10_000_000, 10_000_000),
                Arbitraries.integers().between(0, 6)).as(BigDecimal::valueOf);
        Arbitrary<OffsetDateTime> at = Combinators.combine(Arbitraries.longs().between(0, 4_000_000_000_000L),
                        Arbitraries.integers().between(-12 * 4, 14 * 4))
                .as((millis, quarters) -> java.time.Instant.ofEpochMilli(millis)
                        .atOffset(ZoneOffset.ofTotalSeconds(quarters * 15 * 60)));
        Arbitrary<Map<String, Object>> doc = Combinators.combine(text, docValues)
                .as((k, v) -> Map.of("k" + k, v)).list().ofMaxSize(3).map(maps -> {
                    Map<String, Object> all = new LinkedHashMap<>();
                    maps.forEach(all::putAll);
                    return all;
                });
        Arbitrary<Item> item = Combinators.combine(List.of(obj(text.injectNull(0.1)), obj(text.list().ofMaxSize(3)),
                obj(Arbitraries.longs()), obj(decimal), obj(Arbitraries.doubles().between(-1e12, 1e12)),
                obj(Arbitraries.of(true, false)), obj(epochDays.map(LocalDate::ofEpochDay)), obj(at), obj(doc))).as(v -> new Item(null, (String) v.get(0),
                cast(v.get(1)), (Long) v.get(2), (BigDecimal) v.get(3), (Double) v.get(4), (Boolean) v.get(5),
                (LocalDate) v.get(6), (OffsetDateTime) v.get(7), cast(v.get(8))));
        return item.list().ofMaxSize(5).map(list -> {
            List<Item> named = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Item x = list.get(i);
                named.add(new Item("r" + i, x.t(), x.tags(), x.n(), x.d(), x.f(), x.b(), x.day(), x.at(), x.doc()));
            }
            return named;
        });
    }

    private static Arbitrary<Object> obj(Arbitrary<?> arbitrary) {
        return arbitrary.map(v -> v);
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }

    // ---- the seed file, and what the database holds ------------------------------------------------------------

    private static SeedResult seed(List<Item> items, boolean clickHouse) throws IOException {
        String in = clickHouse ? "  " : "";
        StringBuilder yaml = new StringBuilder(clickHouse ? "clickhouse:\n" : "").append(in).append("items:\n");
        for (Item item : items) {
            yaml.append(in).append("  - id: ").append(quoted(item.id())).append('\n').append(in)
                    .append("    t: ").append(item.t() == null ? "null" : quoted(item.t())).append('\n').append(in)
                    .append("    tags: [").append(String.join(", ", item.tags().stream().map(SeedRoundTripProperties::quoted)
                            .toList())).append("]\n")
                    .append(in).append("    n: ").append(item.n()).append('\n')
                    .append(in).append("    d: ").append(item.d().toPlainString()).append('\n')
                    .append(in).append("    f: ").append(item.f()).append('\n')
                    .append(in).append("    b: ").append(item.b()).append('\n')
                    .append(in).append("    day: ").append(item.day()).append('\n')
                    .append(in).append("    at: ").append(item.at()).append('\n')
                    .append(in).append("    doc: {");
            List<String> entries = new ArrayList<>();
            item.doc().forEach((k, v) -> entries.add(quoted(k) + ": " + (v instanceof String text ? quoted(text) : v)));
            yaml.append(String.join(", ", entries)).append("}\n");
        }
        Files.writeString(project.resolve("seeds/items.yaml"), yaml);
        Map<String, String> properties = new HashMap<>();
        properties.put("brokle.migrate.seed", "items");
        if (clickHouse) {
            properties.put("brokle.migrate.db", "clickhouse");
            properties.put("brokle.migrate.clickhouse.url", clickHouseUrl);
        } else {
            properties.put("brokle.migrate.db", "postgres");
            properties.put("brokle.migrate.postgres.url", url);
            properties.put("brokle.migrate.postgres.username", TestPostgres.USER);
        }
        return TestMigrators.build(project, properties, new ArrayList<>(), action -> Confirmer.Decision.NO_CONSOLE)
                .seed();
    }

    /** A YAML double-quoted scalar: escapes for the quote, the backslash and every control character. */
    private static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().forEach(cp -> {
            if (cp == '"' || cp == '\\') {
                out.append('\\').appendCodePoint(cp);
            } else if (cp < 0x20 || cp == 0x2028 || cp == 0x2029) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.append('"').toString();
    }

    private static List<Integer> counts(SeedResult result) {
        SeedResult.TableResult table = result.tables().get(0);
        return List.of((int) table.inserted(), (int) table.updated(), (int) table.unchanged());
    }

    /** The rows as comparable text: instants in UTC, numbers as written, JSON as a tree. */
    private static Map<String, List<Object>> byId(List<Item> items) throws IOException {
        Map<String, List<Object>> rows = new HashMap<>();
        for (Item i : items) {
            rows.put(i.id(), List.of(textOrNull(i.t()), i.tags(), i.n(), i.d().toPlainString(), i.f(), i.b(),
                    i.day(), i.at().toInstant(), JSON.readTree(JSON.writeValueAsString(i.doc()))));
        }
        return rows;
    }

    /** "(NULL)" for SQL NULL: no generated text has parentheses. */
    private static String textOrNull(String text) {
        return text == null ? "(NULL)" : text;
    }

    private static Map<String, List<Object>> read() throws SQLException, IOException {
        Map<String, List<Object>> rows = new HashMap<>();
        try (Connection c = TestPostgres.connect(url); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT id, t, tags, n, d, f, b, day, at, doc::text FROM items")) {
            while (r.next()) {
                Array tags = r.getArray(3);
                rows.put(r.getString(1), List.of(textOrNull(r.getString(2)),
                        Arrays.asList((String[]) tags.getArray()), r.getLong(4), r.getBigDecimal(5).toPlainString(),
                        r.getDouble(6), r.getBoolean(7), r.getObject(8, LocalDate.class),
                        r.getObject(9, OffsetDateTime.class).toInstant(), JSON.readTree(r.getString(10))));
            }
        }
        return rows;
    }

    private static Map<String, List<Object>> readClickHouse() throws SQLException {
        Map<String, List<Object>> rows = new HashMap<>();
        try (Connection c = TestClickHouse.connect(clickHouseUrl); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(CLICKHOUSE_READ)) {
            while (r.next()) {
                Map<String, Object> doc = new HashMap<>();
                for (String entry : pieces(r.getString(11))) {
                    doc.put(unbase64(entry.substring(0, entry.indexOf(':'))),
                            unbase64(entry.substring(entry.indexOf(':') + 1)));
                }
                rows.put(r.getString(1), List.of(r.getBoolean(2) ? "(NULL)" : unbase64(r.getString(3)),
                        pieces(r.getString(4)).stream().map(SeedRoundTripProperties::unbase64).toList(),
                        Long.parseLong(r.getString(5)), new BigDecimal(r.getString(6)).stripTrailingZeros(),
                        Double.parseDouble(r.getString(7)), Boolean.parseBoolean(r.getString(8)),
                        LocalDate.parse(r.getString(9)), java.time.Instant.ofEpochMilli(Long.parseLong(r.getString(10))),
                        doc));
            }
        }
        return rows;
    }

    /** The elements of a list rendered as {@code =base64,=base64}. */
    private static List<String> pieces(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.stream(joined.split(",", -1)).map(e -> e.substring(1)).toList();
    }

    private static String unbase64(String text) {
        return new String(java.util.Base64.getDecoder().decode(text), java.nio.charset.StandardCharsets.UTF_8);
    }
}
