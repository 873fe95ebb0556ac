package ai.brokle.migrate.engine;

import ai.brokle.migrate.testing.TestClickHouse;
import ai.brokle.migrate.testing.TestMigrator;
import ai.brokle.migrate.testing.TestMigrators;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ClickHouse's max_execution_time guard on the test endpoint (a real ClickHouse engine, which honours the setting
 * when a request carries it).
 */
class ClickHouseGuardTest {

    @TempDir
    Path project;
    private String url;
    private final List<String> log = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        Files.createDirectories(project.resolve("migrations/clickhouse"));
        url = TestClickHouse.newDatabase("guard");
    }

    private TestMigrator migrator(String... properties) {
        Map<String, String> map = new HashMap<>(Map.of("brokle.migrate.db", "clickhouse",
                "brokle.migrate.clickhouse.url", url));
        for (int i = 0; i < properties.length; i += 2) {
            map.put("brokle.migrate." + properties[i], properties[i + 1]);
        }
        return TestMigrators.build(project, map, log, action -> Confirmer.Decision.NO_CONSOLE);
    }

    private void migration(String name, String up) throws IOException {
        Files.writeString(project.resolve("migrations/clickhouse/" + name + ".up.sql"), up);
        Files.writeString(project.resolve("migrations/clickhouse/" + name + ".down.sql"), "SELECT 1;\n");
    }

    @Test
    void aStatementRunningLongerThanMaxExecutionTimeIsStoppedAndNamed() throws IOException {
        migration("000001_fast", "CREATE TABLE IF NOT EXISTS fast (id UInt8) ENGINE = Memory;\n");
        migration("000002_slow", "SELECT sleepEachRow(0.5) FROM numbers(20) SETTINGS max_block_size = 1;\n");
        long start = System.nanoTime();
        MigrationFailedException e = assertThrows(MigrationFailedException.class,
                () -> migrator("clickhouse.maxExecutionTime", "1s").up());
        long millis = (System.nanoTime() - start) / 1_000_000;
        // The statement alone would take 10 s; the rest of the goal (lock, bookkeeping) takes a few on the endpoint.
        assertTrue(millis < 8000, "failed after " + millis + " ms, not by max_execution_time: " + e.getMessage());
        assertTrue(e.getMessage().contains("maximum: 1000 ms. (TIMEOUT_EXCEEDED)"), e.getMessage());
        assertTrue(e.getMessage().contains("000002_slow.up.sql (up), statement 1 at line 1"), e.getMessage());
        assertTrue(e.getMessage().contains("brokle.migrate.clickhouse.maxExecutionTime=1s (max_execution_time)"),
                e.getMessage());
    }

    @Test
    void theSettingIsOnlySentWithTheMigrationsStatements() throws IOException {
        migration("000001_slowish", "SELECT sleepEachRow(0.5) FROM numbers(3) SETTINGS max_block_size = 1;\n");
        assertEquals(1, migrator("clickhouse.maxExecutionTime", "5s").up().migrations().size());
        List<String> info = migrator("clickhouse.maxExecutionTime", "5s").info().lines();
        assertTrue(info.stream().anyMatch(l -> l.startsWith("[clickhouse] guards: max_execution_time 5s")), info.toString());
    }
}
