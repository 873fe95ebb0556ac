package ai.brokle.migrate.dialect.clickhouse;

/** The one way names from configuration or the database reach ClickHouse SQL: quoted, with escapes. */
final class ClickHouseSql {

    private ClickHouseSql() {
    }

    /** A back-quoted identifier; backslashes and back quotes inside are escaped. */
    static String identifier(String name) {
        return "`" + name.replace("\\", "\\\\").replace("`", "\\`") + "`";
    }

    /** A single-quoted string literal. */
    static String literal(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** {@code " ON CLUSTER `name`"}, or nothing without a cluster. */
    static String onCluster(String cluster) {
        return cluster == null ? "" : " ON CLUSTER " + identifier(cluster);
    }
}
