package ai.brokle.migrate.lint;

import ai.brokle.migrate.testing.TestClickHouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The ClickHouse rules of {@code validate} against ClickHouse 26 (the project's endpoint): CH003 must flag a
 * sorting key exactly when the server refuses the table for a Nullable key column, CH002 a MODIFY COLUMN exactly
 * when the server refuses to convert a column that can hold NULL.
 */
class ClickHouseRulesAgainstServerTest {

    private static final String COLUMNS = "(a Nullable(String), b String, c LowCardinality(Nullable(String)), "
            + "d Array(Nullable(Int32)), e LowCardinality(String))";
    private static Connection server;

    @TempDir
    Path dir;

    @BeforeAll
    static void connect() throws SQLException {
        server = TestClickHouse.connect(TestClickHouse.newDatabase("chrules"));
    }

    @AfterAll
    static void close() throws SQLException {
        server.close();
    }

    @ParameterizedTest(name = "ORDER BY {0}")
    @ValueSource(strings = {
            "a", "(b, a)", "b", "(b, e)", "tuple()", "lower(a)", "c", "d", "ifNull(a, '')", "assumeNotNull(a)",
            "coalesce(a, b)", "isNull(a)", "(b, ifNull(a, ''))", "b PRIMARY KEY b", "(b, a) PRIMARY KEY b",
            "a SETTINGS allow_nullable_key = 1",
    })
    void nullableSortingKeyFlaggedExactlyWhenClickHouseRefusesTheTable(String key) throws Exception {
        String sql = "CREATE TABLE IF NOT EXISTS t_key " + COLUMNS + " ENGINE = MergeTree ORDER BY " + key;
        boolean refused = refusedForANullableKey(sql);
        Files.writeString(dir.resolve("000001_x.up.sql"), sql + ";\n");
        Files.writeString(dir.resolve("000001_x.down.sql"), "DROP TABLE IF EXISTS t_key;\n");
        boolean flagged = LintRulesTest.lint("clickhouse", dir, LintOptions.DEFAULT).findings().stream()
                .anyMatch(f -> f.ruleId().equals("CH003"));
        assertEquals(refused, flagged, () -> sql + (refused ? ": ClickHouse refuses it" : ": ClickHouse accepts it"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "Nullable(String) -> String",
            "Nullable(String) -> String DEFAULT ''",
            "Nullable(String) -> LowCardinality(String)",
            "Nullable(String) -> LowCardinality(Nullable(String))",
            "LowCardinality(Nullable(String)) -> LowCardinality(String)",
            "LowCardinality(Nullable(String)) -> Nullable(String)",
            "String -> Nullable(String)",
            "Nullable(Int32) -> Int64",
            "Nullable(Int32) -> Nullable(Int64)",
    })
    void nullableToNotNullFlaggedExactlyWhenClickHouseRefusesTheConversion(String change) throws Exception {
        String[] types = change.split(" -> ");
        String create = "CREATE TABLE IF NOT EXISTS t_mod (id UInt8, x " + types[0] + ") ENGINE = MergeTree ORDER BY id";
        String modify = "ALTER TABLE t_mod MODIFY COLUMN x " + types[1];
        boolean refused;
        try (Statement s = server.createStatement()) {
            s.execute(create);
            refused = refusal(s, modify, "Cannot convert column");
            s.execute("DROP TABLE t_mod");
        }
        Files.writeString(dir.resolve("000001_t.up.sql"), create + ";\n");
        Files.writeString(dir.resolve("000001_t.down.sql"), "DROP TABLE IF EXISTS t_mod;\n");
        Files.writeString(dir.resolve("000002_x.up.sql"), modify + ";\n");
        Files.writeString(dir.resolve("000002_x.down.sql"), "SELECT 1;\n");
        boolean flagged = LintRulesTest.lint("clickhouse", dir, LintOptions.DEFAULT).findings().stream()
                .anyMatch(f -> f.ruleId().equals("CH002"));
        assertEquals(refused, flagged, () -> modify + " after " + create + (refused ? ": ClickHouse refuses it"
                : ": ClickHouse accepts it"));
    }

    private static boolean refusal(Statement s, String sql, String message) {
        try {
            s.execute(sql);
            return false;
        } catch (SQLException e) {
            return e.getMessage().contains(message);
        }
    }

    private static boolean refusedForANullableKey(String sql) throws SQLException {
        try (Statement s = server.createStatement()) {
            s.execute(sql);
            return false;
        } catch (SQLException e) {
            return e.getMessage().contains("nullable columns");
        } finally {
            try (Statement s = server.createStatement()) {
                s.execute("DROP TABLE IF EXISTS t_key");
            }
        }
    }
}
