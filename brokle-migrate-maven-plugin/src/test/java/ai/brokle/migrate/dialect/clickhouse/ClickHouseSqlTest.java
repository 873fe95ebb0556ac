package ai.brokle.migrate.dialect.clickhouse;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Names reach ClickHouse SQL quoted and escaped; with a cluster, drop runs on every node. */
class ClickHouseSqlTest {

    @Test
    void identifiersEscapeBackslashesAndBackQuotes() {
        assertEquals("`plain`", ClickHouseSql.identifier("plain"));
        assertEquals("`a\\\\b`", ClickHouseSql.identifier("a\\b"));
        assertEquals("`a\\`b`", ClickHouseSql.identifier("a`b"));
    }

    @Test
    void dropWithAClusterRunsOnCluster() {
        assertEquals(List.of("DROP TABLE IF EXISTS `events` ON CLUSTER `brokle_cluster`"),
                ClickHouseDialect.dropSql(List.of("events"), "brokle_cluster"));
        assertEquals(List.of("DROP TABLE IF EXISTS `events`"), ClickHouseDialect.dropSql(List.of("events"), null));
    }
}
