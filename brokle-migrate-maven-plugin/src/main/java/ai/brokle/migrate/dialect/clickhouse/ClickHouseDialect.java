package ai.brokle.migrate.dialect.clickhouse;

import ai.brokle.migrate.config.DatasourceConfig;
import ai.brokle.migrate.dialect.DeclaredDialect;
import ai.brokle.migrate.dialect.Isolation;
import ai.brokle.migrate.dialect.ScratchDatabases;
import ai.brokle.migrate.schema.SchemaSnapshot;
import ai.brokle.migrate.sql.SqlSyntax;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import static ai.brokle.migrate.config.GoMigrateParameters.CLUSTER;
import static ai.brokle.migrate.config.GoMigrateParameters.SPLITTING;
import static ai.brokle.migrate.config.GoMigrateParameters.TABLE;
import static ai.brokle.migrate.config.GoMigrateParameters.TABLE_ENGINE;

/** ClickHouse over HTTP with the modern JDBC driver: no transactions, one statement per request. */
public final class ClickHouseDialect extends DeclaredDialect {

    /**
     * Migrated after PostgreSQL. Its Liquibase extension cannot update a DATABASECHANGELOG row in place; its lock is
     * a table row that outlives a killed run.
     */
    private static final Facts FACTS = new Facts(new Traits("clickhouse", "ClickHouse", "CLICKHOUSE_URL",
            "CLICKHOUSE_MIGRATIONS_PATH", "migrations/clickhouse", false,
            "clickhouse://user:pass@localhost:" + ClickHouseUrl.NATIVE_PORT + "/default",
            List.of(TABLE, TABLE_ENGINE, CLUSTER, SPLITTING.get(0), SPLITTING.get(1)),
            false, List.of(new DurationSetting("maxExecutionTime", ChronoUnit.SECONDS))),
            SqlSyntax.CLICKHOUSE, false, false, true, 1, false);

    private static final String NAME = "`?[A-Za-z_][A-Za-z0-9_]*`?";
    private static final Isolation ISOLATION = new Isolation(FACTS.syntax(), List.of(
            Isolation.Rule.of("\\b(ON\\s+CLUSTER)\\b", "{} runs on every node of a cluster, not in one database"),
            Isolation.Rule.of("\\b((?:CREATE|ALTER|DROP|RENAME|ATTACH|DETACH)\\s+DATABASE)\\b",
                    "{} changes a database other than the scratch one"),
            Isolation.Rule.of("\\b(?:TABLE|VIEW|DICTIONARY|EXISTS|FROM|JOIN|INTO|TO)\\s+((?!system\\.|INFORMATION_SCHEMA\\.)"
                    + NAME + "\\." + NAME + ")", "{} names a table of another database"),
            Isolation.Rule.of("\\b((?:CREATE|ALTER|DROP)\\s+(?:OR\\s+REPLACE\\s+)?(?:FUNCTION|USER|ROLE|QUOTA|ROW\\s+POLICY"
                    + "|POLICY|SETTINGS\\s+PROFILE|PROFILE|NAMED\\s+COLLECTION))\\b",
                    "{} changes an object of the whole server (the server's other databases use it), not of one "
                    + "database"),
            Isolation.Rule.of("^\\s*(GRANT|REVOKE|SET\\s+(?:DEFAULT\\s+)?ROLE)\\b",
                    "{} names users or roles, which are the server's, not the scratch database's")));

    /** On the node the URL names, never ON CLUSTER; code 497 is ACCESS_DENIED. */
    private static final ScratchDatabases SCRATCH = new ScratchDatabases(
            "SELECT name FROM system.databases WHERE startsWith(name, ?) ORDER BY name", ClickHouseSql::identifier, "",
            e -> e.getErrorCode() == 497 || String.valueOf(e.getMessage()).matches("(?s).*(ACCESS_DENIED|Code: 497).*"),
            user -> "Let the user create and drop databases (as an administrator: GRANT CREATE DATABASE, DROP "
                    + "DATABASE, CREATE TABLE, DROP TABLE, ALTER, INSERT, SELECT ON brokle_verify_*.* TO "
                    + (user == null ? "default" : user) + ")");

    /** The guard is max_execution_time (brokle.migrate.clickhouse.maxExecutionTime) for each migration's statements. */
    public ClickHouseDialect() {
        super(FACTS, new Parts(ClickHouseUrl::jdbcUrl, ClickHouseGuard::new, ClickHouseRules::all,
                "SELECT currentDatabase(), version()", "SELECT currentDatabase()",
                (connection, config) -> new ClickHouseVersionTable(connection, config.table(), config.cluster(),
                        config.tableEngine()),
                ClickHouseLock.LOCKS, ClickHouseSeedStore::new, SCRATCH, ISOLATION));
    }

    @Override
    public Connection connect(String jdbcUrl, String username, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", username == null ? "default" : username);
        properties.setProperty("password", password == null ? "" : password);
        // Liquibase calls setAutoCommit(false); ClickHouse has no transactions, so such calls are accepted and ignored.
        properties.setProperty("jdbc_ignore_unsupported_values", "true");
        // Mutations (the lock release, Liquibase's record removal) finish before the request returns.
        properties.setProperty("clickhouse_setting_mutations_sync", "2");
        // The driver connects lazily: the engine's first query (the tracking database) is what reaches the server.
        return new com.clickhouse.jdbc.ClickHouseDriver().connect(jdbcUrl, properties);
    }

    /**
     * The version table; on a cluster also DATABASECHANGELOG and DATABASECHANGELOGLOCK, created ON CLUSTER with
     * replicated engines before Liquibase looks (liquibase-clickhouse would otherwise create them on one node only).
     * The lock table is not among them: it exists only while the lock is held.
     */
    @Override
    public List<String> trackingTablesSql(DatasourceConfig config) {
        List<String> sql = new ArrayList<>();
        sql.add(ClickHouseVersionTable.createSql(config.table(), config.cluster(), config.tableEngine()));
        if (config.cluster() != null) {
            String onCluster = ClickHouseSql.onCluster(config.cluster());
            sql.add("CREATE TABLE IF NOT EXISTS DATABASECHANGELOG" + onCluster + " (ID String, AUTHOR String, "
                    + "FILENAME String, DATEEXECUTED DateTime64, ORDEREXECUTED UInt64, EXECTYPE String, "
                    + "MD5SUM Nullable(String), DESCRIPTION Nullable(String), COMMENTS Nullable(String), "
                    + "TAG Nullable(String), LIQUIBASE Nullable(String), CONTEXTS Nullable(String), "
                    + "LABELS Nullable(String), DEPLOYMENT_ID Nullable(String)) ENGINE = ReplicatedMergeTree ORDER BY ID");
            sql.add("CREATE TABLE IF NOT EXISTS DATABASECHANGELOGLOCK" + onCluster + " (ID Int64, LOCKED UInt8, "
                    + "LOCKGRANTED Nullable(DateTime64), LOCKEDBY Nullable(String)) "
                    + "ENGINE = ReplicatedMergeTree ORDER BY ID");
        }
        return sql;
    }

    /** The extension would record the time its class was loaded; the server's clock is what a record needs. */
    @Override
    public String executionTimestampSql() {
        return "now64(3)";
    }

    /** Every table of the database (views first), on every node with a cluster; the held lock stays. */
    @Override
    public void dropAll(Connection connection, DatasourceConfig config) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT name FROM system.tables "
                + "WHERE database = currentDatabase() AND name <> ? ORDER BY engine LIKE '%View' DESC, name")) {
            query.setString(1, ClickHouseLock.tableFor(config.table()));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String sql : dropSql(tables, config.cluster())) {
                statement.execute(sql);
            }
        }
    }

    static List<String> dropSql(List<String> tables, String cluster) {
        return tables.stream().map(table -> "DROP TABLE IF EXISTS " + ClickHouseSql.identifier(table)
                + ClickHouseSql.onCluster(cluster)).toList();
    }

    /** ClickHouse has no schemas inside a database: a reset drops every table, views first. */
    @Override
    public void reset(Connection connection, DatasourceConfig config) throws SQLException {
        dropAll(connection, config);
    }

    @Override
    public String template(String name, boolean up, Instant created) {
        String header = "-- ClickHouse Migration: " + name + "\n-- Created: " + created + "\n";
        return up
                ? header + "\n-- CREATE TABLE IF NOT EXISTS " + name + " (\n--     id String,\n--     created_at "
                  + "DateTime64(3) DEFAULT now64(3)\n-- )\n-- ENGINE = MergeTree()\n-- ORDER BY (id);\n"
                : header + "\n-- DROP TABLE IF EXISTS " + name + ";\n";
    }

    @Override
    public String describeDriver() {
        return "ClickHouse JDBC " + com.clickhouse.jdbc.Driver.class.getPackage().getImplementationVersion();
    }

    /** Tables (engine, keys, TTL, settings), columns (type, default, codec, comment), indexes, views, dictionaries. */
    @Override
    public SchemaSnapshot snapshot(Connection connection, DatasourceConfig config) throws SQLException {
        return new ClickHouseSnapshot(connection, Set.of(config.table(), "DATABASECHANGELOG", "DATABASECHANGELOGLOCK",
                ClickHouseLock.tableFor(config.table()))).read();
    }
}
