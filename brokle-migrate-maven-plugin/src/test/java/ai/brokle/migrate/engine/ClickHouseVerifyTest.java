package ai.brokle.migrate.engine;

import ai.brokle.migrate.testing.TestClickHouse;
import ai.brokle.migrate.testing.TestMigrators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static ai.brokle.migrate.engine.VerifySamples.assertCase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** verify on the ClickHouse test endpoint: a throwaway database on the configured server. */
class ClickHouseVerifyTest {

    @TempDir
    Path project;
    final List<String> log = new ArrayList<>();

    private VerifyReport verify(String url, Path dir) {
        return TestMigrators.build(project, Map.of("brokle.migrate.db", "clickhouse",
                "brokle.migrate.clickhouse.url", url, "brokle.migrate.clickhouse.dir", dir.toString()), log,
                action -> Confirmer.Decision.NO_CONSOLE).verify(Clock.systemUTC());
    }

    @Test
    void eachBrokenDownIsCaughtAndTheConfiguredDatabaseIsUntouched() throws Exception {
        String url = TestClickHouse.newDatabase("verify_samples");
        try (Connection c = TestClickHouse.connect(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE keep (id UInt32, name String) ENGINE = MergeTree ORDER BY id");
            s.execute("INSERT INTO keep VALUES (1, 'kept')");
        }
        VerifyReport report = verify(url, VerifySamples.copy("clickhouse", project.resolve("migrations")));
        Map<String, VerifyCase> cases = VerifySamples.byMigration(report);

        assertCase(cases, "000001_create_events", null, null, null);
        assertCase(cases, "000002_type_changed", "changed", null,
                "events.kind: type String before, FixedString(32) after down");
        assertCase(cases, "000003_column_left_behind", "error", null,
                "column events.source: absent before, present after down");
        assertCase(cases, "000004_comment_changed", "cosmetic", null,
                "events.note: comment 'n' before, 'a note' after down");
        assertCase(cases, "000005_default_added", "changed", null,
                "events.amount: default none before, DEFAULT 2 after down");
        assertCase(cases, "000006_down_fails", "error", "down",
                "000006_down_fails.down.sql (down), statement 1 at line 1: ALTER TABLE events DROP COLUMN scores");
        assertCase(cases, "000007_sorting_key_changed", "changed", null,
                "totals: sorting key day before, day, n after down");
        assertFalse(cases.get("000008_on_cluster").verified());
        assertTrue(cases.get("000008_on_cluster").notVerified().contains("ON CLUSTER runs on every node"),
                cases.get("000008_on_cluster").notVerified());
        assertCase(cases, "000009_ok", null, null, null);
        assertTrue(report.failed());

        try (Connection c = TestClickHouse.connect(url); Statement s = c.createStatement()) {
            assertEquals(List.of("keep"), strings(s, "SELECT name FROM system.tables WHERE database = currentDatabase() "
                    + "ORDER BY name"), "only the table that was there");
            assertEquals(List.of("1 kept"), strings(s, "SELECT concat(toString(id), ' ', name) FROM keep"));
            assertEquals(List.of(), strings(s, "SELECT name FROM system.databases WHERE startsWith(name, "
                    + "'brokle_verify_')"), "no scratch database is left behind");
        }
    }

    /**
     * SQL functions, users, roles, quotas, profiles, row policies and named collections belong to the whole server:
     * verify lists such a file as not verified and never runs it, so a down that drops the server's function (which
     * the server's other databases use) does not run.
     */
    @Test
    void serverWideObjectsAreNotVerifiedAndNeverTouched() throws Exception {
        String url = TestClickHouse.newDatabase("verify_global");
        try (Connection c = TestClickHouse.connect(url); Statement s = c.createStatement()) {
            s.execute("CREATE FUNCTION IF NOT EXISTS brokle_verify_keep AS (x) -> x + 1");
        }
        Path dir = project.resolve("global");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("000001_t.up.sql"), "CREATE TABLE IF NOT EXISTS t (id UInt8) ENGINE = Memory;\n");
        Files.writeString(dir.resolve("000001_t.down.sql"), "DROP TABLE IF EXISTS t;\n");
        Files.writeString(dir.resolve("000002_f.up.sql"), "CREATE FUNCTION IF NOT EXISTS brokle_verify_keep AS (x) -> "
                + "x + 1;\n");
        Files.writeString(dir.resolve("000002_f.down.sql"), "DROP FUNCTION IF EXISTS brokle_verify_keep;\n");
        Files.writeString(dir.resolve("000003_u.up.sql"), "CREATE ROW POLICY IF NOT EXISTS p ON t USING id > 0 TO ALL;\n");
        Files.writeString(dir.resolve("000003_u.down.sql"), "DROP ROW POLICY IF EXISTS p ON t;\n");
        Map<String, VerifyCase> cases = VerifySamples.byMigration(verify(url, dir));
        try (Connection c = TestClickHouse.connect(url); Statement s = c.createStatement()) {
            assertEquals(List.of("brokle_verify_keep"), strings(s, "SELECT name FROM system.functions "
                    + "WHERE name = 'brokle_verify_keep'"), "the server's function is still there");
            s.execute("DROP FUNCTION IF EXISTS brokle_verify_keep");
        }
        assertTrue(cases.get("000001_t").verified());
        assertTrue(cases.get("000002_f").notVerified().contains("CREATE FUNCTION"), cases.get("000002_f").lines()
                .toString());
        assertTrue(cases.get("000003_u").notVerified().contains("CREATE ROW POLICY"), cases.get("000003_u").lines()
                .toString());
    }

    @Test
    void theRepositoryMigrationsPass() {
        VerifyReport report = verify(TestClickHouse.newDatabase("verify_repo"),
                VerifySamples.repositoryMigrations("clickhouse"));
        VerifySamples.assertNoFinding(report);
        assertFalse(report.failed());
    }

    private static List<String> strings(Statement s, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
