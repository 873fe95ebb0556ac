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
 * sorting key exactly when the server refuses the table for a Nullable key column.
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
