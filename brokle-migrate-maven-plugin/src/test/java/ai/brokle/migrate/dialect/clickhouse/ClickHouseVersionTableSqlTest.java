package ai.brokle.migrate.dialect.clickhouse;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The version table DDL follows golang-migrate's {@code x-migrations-table-engine} and {@code x-cluster-name}. */
class ClickHouseVersionTableSqlTest {

    private static final String COLUMNS = " (version Int64, dirty UInt8, sequence UInt64) ENGINE = ";

    @Test
    void defaultsAreGolangMigratesEngines() {
        assertEquals("CREATE TABLE IF NOT EXISTS `v`" + COLUMNS + "TinyLog", ClickHouseVersionTable.createSql("v", null, null));
        assertEquals("CREATE TABLE IF NOT EXISTS `v` ON CLUSTER `c`" + COLUMNS + "ReplicatedMergeTree ORDER BY sequence",
                ClickHouseVersionTable.createSql("v", "c", null));
    }

    @Test
    void engineFromTheUrlIsUsedWithOrderByForMergeTreeFamilies() {
        assertEquals("CREATE TABLE IF NOT EXISTS `v`" + COLUMNS + "MergeTree ORDER BY sequence",
                ClickHouseVersionTable.createSql("v", null, "MergeTree"));
        assertEquals("CREATE TABLE IF NOT EXISTS `v`" + COLUMNS + "Log", ClickHouseVersionTable.createSql("v", null, "Log"));
        assertEquals("CREATE TABLE IF NOT EXISTS `v` ON CLUSTER `c`" + COLUMNS
                        + "ReplicatedMergeTree('/clickhouse/tables/{shard}/v', '{replica}') ORDER BY sequence",
                ClickHouseVersionTable.createSql("v", "c", "ReplicatedMergeTree('/clickhouse/tables/{shard}/v', '{replica}')"));
    }
}
