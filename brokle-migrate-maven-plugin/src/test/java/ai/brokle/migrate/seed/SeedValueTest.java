package ai.brokle.migrate.seed;

import ai.brokle.migrate.seed.ColumnType.Kind;
import ai.brokle.migrate.seed.TableSchema.Column;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.Node;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Typing: a YAML value becomes the Java value bound for its column's SQL type, or a located error. */
class SeedValueTest {

    private static final Instant NOW = Instant.parse("2024-06-01T12:00:00.123456Z");
    private final ValueConverter converter = new ValueConverter("seeds/x.yaml", NOW);

    /** The first cell of a one-row table, parsed from {@code value: <yaml>}. */
    private static Node yaml(String value) {
        return new SeedFileParser("postgres", Set.of(), Path.of(".")).parse("t:\n  - value: " + value + "\n",
                "seeds/x.yaml").tables("postgres").get(0).rows().get(0).cells().get(0).value();
    }

    private Object convert(String value, ColumnType type) {
        return converter.convert(yaml(value), new Column("value", type, true, false), "t.value");
    }

    private InvalidSeedException refused(String value, ColumnType type) {
        return assertThrows(InvalidSeedException.class, () -> convert(value, type));
    }

    @Test
    void textKeepsTheSourceTextWhateverYamlThinksItIs() {
        ColumnType text = ColumnType.text("character varying(10)", 10);
        assertEquals("49007", convert("49007", text));
        assertEquals("1.10", convert("1.10", text));
        assertEquals("yes", convert("yes", text));
        assertEquals("2024-01-15", convert("2024-01-15", text));
        assertEquals("O'Brien;--", convert("\"O'Brien;--\"", text));
        assertNull(convert("null", text));
        assertEquals("null", convert("'null'", text));
        InvalidSeedException tooLong = refused("abcdefghijk", text);
        assertEquals("seeds/x.yaml:2: t.value: value \"abcdefghijk\" is 11 characters, longer than character "
                + "varying(10) allows. Nothing was written. Shorten the value or widen the column", tooLong.getMessage());
        assertTrue(refused("{a: 1}", text).getMessage().contains("Quote it as one string"));
        assertEquals("Sláinte", convert("Sláinte", ColumnType.text("character varying(7)", 7)),
                "length counts characters, not bytes");
    }

    @Test
    void integersAreCheckedAgainstTheirRange() {
        ColumnType integer = ColumnType.signed("integer", 32);
        assertEquals(42L, convert("42", integer));
        assertEquals(42L, convert("\"42\"", integer));
        assertEquals(-7L, convert("-7", integer));
        assertEquals(1000000L, convert("1_000_000", integer));
        assertEquals(2147483647L, convert("2147483647", integer));
        InvalidSeedException range = refused("2147483648", integer);
        assertEquals("seeds/x.yaml:2: t.value: value \"2147483648\" does not fit integer (out of range "
                + "-2147483648..2147483647). Nothing was written. Use a smaller number or a wider column type",
                range.getMessage());
        assertTrue(refused("4.5", integer).getMessage().contains("not a whole number"));
        assertTrue(refused("lots", integer).getMessage().contains("not a whole number"));
        assertTrue(refused("[1]", integer).getMessage().contains("does not fit integer"));
        ColumnType uint64 = ColumnType.integer("UInt64", BigInteger.ZERO, BigInteger.TWO.pow(64).subtract(
                BigInteger.ONE));
        assertEquals(new BigInteger("18446744073709551615"), convert("18446744073709551615", uint64));
        assertTrue(refused("-1", uint64).getMessage().contains("out of range"));
    }

    @Test
    void decimalsKeepTheirDigitsAndRefuseOverflow() {
        ColumnType money = ColumnType.decimal("numeric(12,2)", 12, 2);
        assertEquals(new BigDecimal("49.00"), convert("49.00", money));
        assertEquals(new BigDecimal("0.00005000"), convert("0.00005000", ColumnType.decimal("numeric(14,8)", 14, 8)));
        assertTrue(refused("12345678901.5", money).getMessage().contains("more than 10 digits before the point"));
        assertTrue(refused("cheap", money).getMessage().contains("not a number"));
        assertEquals(0.25, convert("0.25", ColumnType.of(Kind.FLOAT, "double precision")));
        assertEquals(Double.POSITIVE_INFINITY, convert(".inf", ColumnType.of(Kind.FLOAT, "real")));
    }

    @Test
    void booleansAcceptYamlsSpellings() {
        ColumnType bool = ColumnType.of(Kind.BOOLEAN, "boolean");
        assertEquals(true, convert("true", bool));
        assertEquals(false, convert("no", bool));
        assertEquals(true, convert("\"on\"", bool));
        assertEquals(false, convert("0", bool));
        assertTrue(refused("maybe", bool).getMessage().contains("Write true or false"));
    }

    @Test
    void timestampsFollowTheColumnsTimeZoneRule() {
        ColumnType timestamp = ColumnType.of(Kind.TIMESTAMP, "timestamp without time zone");
        ColumnType timestamptz = ColumnType.of(Kind.TIMESTAMP_TZ, "timestamp with time zone");
        assertEquals(LocalDateTime.of(2024, 1, 15, 10, 0), convert("2024-01-15T10:00:00Z", timestamp));
        assertEquals(LocalDateTime.of(2024, 1, 15, 9, 0), convert("2024-01-15T10:00:00+01:00", timestamp),
                "an offset is converted to UTC for a column without time zone");
        assertEquals(LocalDateTime.of(2024, 1, 15, 10, 0, 0, 120_000_000), convert("2024-01-15 10:00:00.12", timestamp));
        assertEquals(LocalDateTime.of(2024, 1, 15, 0, 0), convert("2024-01-15", timestamp));
        assertEquals(OffsetDateTime.of(2024, 1, 15, 10, 0, 0, 0, ZoneOffset.UTC), convert("2024-01-15T10:00:00",
                timestamptz), "no offset means UTC");
        assertEquals(OffsetDateTime.of(2024, 1, 15, 10, 0, 0, 0, ZoneOffset.ofHours(-5)),
                convert("2024-01-15 10:00:00 -5", timestamptz));
        assertEquals(LocalDate.of(2024, 2, 29), convert("2024-02-29", ColumnType.of(Kind.DATE, "date")));
        assertTrue(refused("2024-02-30", ColumnType.of(Kind.DATE, "date")).getMessage().contains("does not fit date"));
        assertTrue(refused("2024-01-15T10:30:00Z", ColumnType.of(Kind.DATE, "date")).getMessage()
                .contains("has a time of day"));
        assertTrue(refused("yesterday", timestamp).getMessage().endsWith("or now / now-7d"));
    }

    @Test
    void nowAndItsShiftsAreTheRunsInstant() {
        ColumnType timestamp = ColumnType.of(Kind.TIMESTAMP, "timestamp without time zone");
        assertEquals(LocalDateTime.of(2024, 6, 1, 12, 0, 0, 123_000_000), convert("now", timestamp));
        assertEquals(LocalDateTime.of(2024, 5, 25, 12, 0, 0, 123_000_000), convert("now-7d", timestamp));
        assertEquals(OffsetDateTime.of(2024, 6, 1, 14, 0, 0, 123_000_000, ZoneOffset.UTC),
                convert("now + 2h", ColumnType.of(Kind.TIMESTAMP_TZ, "timestamptz")));
        assertEquals(LocalDate.of(2024, 5, 18), convert("now-2w", ColumnType.of(Kind.DATE, "date")));
        assertTrue(ValueConverter.isNow(yaml("now"), timestamp));
        assertFalse(ValueConverter.isNow(yaml("2024-01-01"), timestamp));
        assertFalse(ValueConverter.isNow(yaml("now"), ColumnType.text("text", null)), "'now' in a text column is text");
        assertEquals("now", convert("now", ColumnType.text("text", null)));
    }

    @Test
    void jsonComesFromMapsAndListsOrFromValidJsonText() {
        ColumnType jsonb = ColumnType.of(Kind.JSON, "jsonb");
        assertEquals(new JsonText("{\"region\":\"eu\",\"n\":5,\"ratio\":0.25,\"on\":true,\"none\":null,"
                + "\"zip\":\"49007\",\"tags\":[\"a\",\"b\"]}"),
                convert("{region: eu, n: 5, ratio: 0.25, on: yes, none: null, zip: \"49007\", tags: [a, b]}", jsonb));
        assertEquals(new JsonText("[{\"a\":\"x\\\"y\\\\z\"}]"), convert("[{a: 'x\"y\\z'}]", jsonb));
        assertEquals(new JsonText("{\"a\": [1, 2]}"), convert("'{\"a\": [1, 2]}'", jsonb));
        assertEquals(new JsonText("{\"ref\":\"main\"}"), convert("{ref: main}", jsonb),
                "a map with a ref key is data in a JSON column");
        InvalidSeedException bad = refused("'{\"a\": }'", jsonb);
        assertTrue(bad.getMessage().contains("not valid JSON at character 7: Unexpected character ('}'"),
                bad.getMessage());
        assertEquals(new JsonText("[1, 2.5e3, -0, \"\\u00e9\", null, true]"),
                convert("'[1, 2.5e3, -0, \"\\u00e9\", null, true]'", jsonb));
        for (String invalid : List.of("{'a':1}", "[1,]", "{} x")) {
            assertTrue(refused("\"" + invalid.replace("\"", "\\\"") + "\"", jsonb).getMessage().contains(
                    "not valid JSON"), invalid);
        }
        assertEquals(new JsonText("{\"a\":0,\"b\":42,\"c\":12,\"d\":-5,\"e\":1.50,\"f\":1000,\"g\":\".inf\","
                + "\"h\":\"7\",\"i\":true,\"j\":null}"), convert("{a: 0, b: 42, c: 012, d: -5, e: 1.50, f: 1_000, "
                + "g: .inf, h: '7', i: yes, j: ~}", jsonb), "numbers keep their value and digits");
    }

    @Test
    void enumsArraysMapsAndUuids() {
        ColumnType plan = ColumnType.enumeration("organization_plan", List.of("free", "pro"));
        assertEquals("pro", convert("pro", plan));
        assertEquals("seeds/x.yaml:2: t.value: value \"gold\" does not fit organization_plan (allowed: free, pro). "
                + "Nothing was written. Use one of the allowed values", refused("gold", plan).getMessage());

        ColumnType scopes = ColumnType.array("text[]", ColumnType.text("text", null));
        assertEquals(List.of("traces:write", "49007"), convert("[\"traces:write\", 49007]", scopes));
        assertEquals(List.of(), convert("[]", scopes));
        assertTrue(refused("traces:write", scopes).getMessage().contains("Write a YAML list"));
        ColumnType numbers = ColumnType.array("integer[]", ColumnType.signed("int4", 32));
        InvalidSeedException element = refused("[1, two]", numbers);
        assertEquals("t.value[1]", element.key());

        ColumnType map = ColumnType.map("Map(String, UInt64)", ColumnType.integer("UInt64", BigInteger.ZERO, null));
        assertEquals(Map.of("input", 14L), convert("{input: 14}", map));

        assertEquals(UUID.fromString("0b6f4d1e-8c1a-4f4e-9a53-2f1c9d7e5b10"),
                convert("0b6f4d1e-8c1a-4f4e-9a53-2f1c9d7e5b10", ColumnType.of(Kind.UUID, "uuid")));
        assertTrue(refused("not-a-uuid", ColumnType.of(Kind.UUID, "uuid")).getMessage().contains("does not fit uuid"));
        assertEquals("10.0.0.1", convert("10.0.0.1", ColumnType.of(Kind.OTHER, "inet")));
    }

    @Test
    void nullInANotNullColumnIsRefused() {
        InvalidSeedException e = assertThrows(InvalidSeedException.class, () -> converter.convert(yaml("null"),
                new Column("value", ColumnType.text("text", null), false, true), "t.value"));
        assertEquals("seeds/x.yaml:2: t.value: is null, but the column is NOT NULL. Nothing was written. Give a value, "
                + "or leave the key out to use the column default", e.getMessage());
        Column dateTime = new Column("value", ColumnType.of(Kind.TIMESTAMP, "timestamp"), false, true);
        assertEquals(e.getMessage().replace("t.value", "t.at"), assertThrows(InvalidSeedException.class,
                () -> converter.convert(yaml("~"), dateTime, "t.at")).getMessage());
    }

    @Test
    void generatedUlidsAreValidTimeOrderedAndDeterministic() {
        String a = Ulid.derived(LocalDateTime.of(2024, 5, 1, 12, 0).toInstant(ZoneOffset.UTC).toEpochMilli(), "x");
        assertEquals(26, a.length());
        assertTrue(a.matches("[0-9A-HJKMNP-TV-Z]{26}"), a);
        assertEquals("01HWT0D7G0", a.substring(0, 10));
        assertEquals(a, Ulid.derived(LocalDateTime.of(2024, 5, 1, 12, 0).toInstant(ZoneOffset.UTC).toEpochMilli(),
                "x"));
        assertFalse(a.equals(Ulid.derived(0, "y")));
        assertEquals("0000000000", Ulid.derived(0, "y").substring(0, 10));
        assertEquals("7ZZZZZZZZZZZZZZZZZZZZZZZZZ", Ulid.encode(new byte[]{-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
                -1, -1, -1, -1, -1}));
    }
}
