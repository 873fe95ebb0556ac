package ai.brokle.migrate.engine;

import ai.brokle.migrate.testing.TestClickHouse;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.Map;

/**
 * What verify sees on ClickHouse 26 (the project's endpoint): each statement changes the schema in a way a forgotten
 * down leaves behind (its down does nothing, and running the up again succeeds), so verify must report it; with the
 * down that undoes it, verify must report nothing.
 */
class ClickHouseVerifySensitivityTest {

    private static final String BASE = "CREATE TABLE t (id UInt64, c String, n UInt32) ENGINE = MergeTree "
            + "ORDER BY id;\n";

    @TempDir
    Path project;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "ALTER TABLE t ADD COLUMN IF NOT EXISTS extra String",
            "ALTER TABLE t MODIFY COLUMN c String DEFAULT 'x'",
            "ALTER TABLE t MODIFY COLUMN c String CODEC(ZSTD(3))",
            "ALTER TABLE t COMMENT COLUMN c 'note'",
            "ALTER TABLE t MODIFY COMMENT 'table note'",
            "ALTER TABLE t MODIFY TTL toDateTime(n) + INTERVAL 1 DAY",
            "ALTER TABLE t MODIFY SETTING index_granularity_bytes = 1048576",
            "ALTER TABLE t ADD INDEX IF NOT EXISTS idx_c c TYPE bloom_filter GRANULARITY 1",
            "ALTER TABLE t ADD PROJECTION IF NOT EXISTS p (SELECT n, count() GROUP BY n)",
            "ALTER TABLE t ADD CONSTRAINT IF NOT EXISTS n_positive CHECK n > 0",
            "ALTER TABLE t ADD STATISTICS IF NOT EXISTS n TYPE tdigest",
            "CREATE VIEW IF NOT EXISTS v AS SELECT id FROM t",
            "CREATE OR REPLACE VIEW v2 AS SELECT n FROM t",
    })
    void aDownThatLeavesTheChangeIsReported(String change) throws Exception {
        VerifySamples.assertReported(verify(change, "SELECT 1"), "000002_change", change);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "ALTER TABLE t ADD PROJECTION IF NOT EXISTS p (SELECT n, count() GROUP BY n) | "
                    + "ALTER TABLE t DROP PROJECTION IF EXISTS p",
            "ALTER TABLE t ADD CONSTRAINT IF NOT EXISTS n_positive CHECK n > 0 | "
                    + "ALTER TABLE t DROP CONSTRAINT IF EXISTS n_positive",
            "ALTER TABLE t ADD STATISTICS IF NOT EXISTS n TYPE tdigest | ALTER TABLE t DROP STATISTICS IF EXISTS n",
    })
    void aDownThatUndoesTheChangeIsClean(String upAndDown) throws Exception {
        String[] sql = upAndDown.split(" \\| ");
        VerifySamples.assertClean(verify(sql[0], sql[1]), "000002_change", upAndDown);
    }

    /** The report of verify over the base migration and one with this up and down. */
    private VerifyReport verify(String change, String down) throws Exception {
        return VerifySamples.verifyChange(project, Map.of("brokle.migrate.db", "clickhouse",
                "brokle.migrate.clickhouse.url", TestClickHouse.newDatabase("verify_sense")), BASE,
                "DROP TABLE IF EXISTS t;\n", change, down);
    }
}
