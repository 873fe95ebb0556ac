package ai.brokle.migrate.engine;

import ai.brokle.migrate.testing.TestClickHouse;
import ai.brokle.migrate.testing.TestMigrators;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A seed value reaches ClickHouse 26 as the value it means, whatever the column's type: read back with
 * {@code toString} (date-times as the instant in UTC), it is what the server makes of the same value written by hand.
 */
class SeedClickHouseTypesTest {

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "UInt64 | 18446744073709551615 | 18446744073709551615",
            "Int128 | -170141183460469231731687303715884105728 | -170141183460469231731687303715884105728",
            "Float32 | 0.1 | 0.1",
            "Enum8('a' = 1, 'b' = 2) | b | b",
            "LowCardinality(String) | x | x",
            "UUID | 0B6F4D1E-8C1A-4F4E-9A53-2F1C9D7E5B10 | 0b6f4d1e-8c1a-4f4e-9a53-2f1c9d7e5b10",
            "IPv4 | 10.0.0.1 | 10.0.0.1",
            "IPv6 | '::1' | ::1",
            "Date | 2024-01-31 | 2024-01-31",
            "Date32 | 1950-01-31 | 1950-01-31",
            "DateTime('UTC') | 2024-01-31T10:00:00Z | 2024-01-31 10:00:00",
            "DateTime('Asia/Tokyo') | 2024-01-31T10:00:00Z | 2024-01-31 10:00:00",
            "DateTime64(3, 'Europe/Berlin') | 2024-07-01T10:00:00.123+02:00 | 2024-07-01 08:00:00.123",
            "DateTime64(3) | 2024-07-01T10:00:00.123Z | 2024-07-01 10:00:00.123",
            "Array(Nullable(String)) | [a, null, 'it''s'] | ['a',NULL,'it\\'s']",
            "Map(String, UInt32) | {a: 1} | {'a':1}",
            "Bool | true | true",
            "Nullable(String) | null | NULL",
            "Decimal(10, 2) | 1.25 | 1.25",
    })
    void theValueIsStoredAsWhatItMeans(String type, String yaml, String expected) throws Exception {
        String url = TestClickHouse.newDatabase("seed_types");
        try (Connection c = TestClickHouse.connect(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE things (id String, v " + type + ") ENGINE = MergeTree ORDER BY id");
        }
        Files.createDirectories(project.resolve("seeds"));
        Files.writeString(project.resolve("seeds/things.yaml"), "clickhouse:\n  things:\n    - id: one\n      v: "
                + yaml + "\n");
        TestMigrators.build(project, Map.of("brokle.migrate.seed", "things", "brokle.migrate.db", "clickhouse",
                "brokle.migrate.clickhouse.url", url), new ArrayList<>(), action -> Confirmer.Decision.NO_CONSOLE).seed();
        boolean dateTime = type.startsWith("DateTime");
        try (Connection c = TestClickHouse.connect(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + (dateTime ? "toString(toTimeZone(v, 'UTC'))"
                     : "ifNull(toString(v), 'NULL')") + " FROM things")) {
            rs.next();
            assertEquals(expected, rs.getString(1), type + " from " + yaml);
        }
    }
}
