package ai.brokle.migrate.dialect.clickhouse;

import ai.brokle.migrate.config.DatabaseUrl;
import ai.brokle.migrate.config.DatasourceConfig;
import ai.brokle.migrate.config.GoMigrateParameters;
import ai.brokle.migrate.config.UrlInput;
import ai.brokle.migrate.dialect.Dialect;
import ai.brokle.migrate.dialect.LockHolder;
import ai.brokle.migrate.dialect.Isolation;
import ai.brokle.migrate.dialect.MigrationGuard;
import ai.brokle.migrate.dialect.MigrationLock;
import ai.brokle.migrate.dialect.ScratchDatabases;
import ai.brokle.migrate.schema.SchemaSnapshot;
import ai.brokle.migrate.sql.SqlStatement;
import ai.brokle.migrate.sql.SqlSyntax;
import ai.brokle.migrate.state.VersionTable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/** ClickHouse over HTTP with the modern JDBC driver: no transactions, one statement per request. */
public final class ClickHouseDialect implements Dialect {

    /**
     * Migrated after PostgreSQL. Its Liquibase extension cannot update a DATABASECHANGELOG row in place; its lock is
     * a table row that outlives a killed run.
     */
    private static final Facts FACTS = new Facts(new Traits("clickhouse", "ClickHouse", "CLICKHOUSE_URL",
            "CLICKHOUSE_MIGRATIONS_PATH", "migrations/clickhouse", false,
            "clickhouse://user:pass@localhost:" + ClickHouseUrl.NATIVE_PORT + "/default",
            List.of(GoMigrateParameters.TABLE, GoMigrateParameters.TABLE_ENGINE, GoMigrateParameters.CLUSTER,
                    GoMigrateParameters.SPLITTING.get(0), GoMigrateParameters.SPLITTING.get(1)),
            false, List.of(new DurationSetting("maxExecutionTime", ChronoUnit.SECONDS))),
            SqlSyntax.CLICKHOUSE, false, false, true, 1, false);

    @Override
    public Facts facts() {
        return FACTS;
    }

    @Override
    public DatabaseUrl jdbcUrl(UrlInput url) {
        return ClickHouseUrl.jdbcUrl(url);
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
        Connection connection = new com.clickhouse.jdbc.ClickHouseDriver().connect(jdbcUrl, properties);
        // The driver connects lazily: ask the server now, so an unreachable server or a rejected login is reported
        // as a connection failure (with its fix) rather than by whatever statement happens to come first.
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /** max_execution_time (brokle.migrate.clickhouse.maxExecutionTime) for each migration's statements. */
    @Override
    public MigrationGuard guard(DatasourceConfig config) {
        return new ClickHouseGuard(config);
    }

    @Override
    public List<ai.brokle.migrate.lint.Rule> lintRules() {
        return ClickHouseRules.all();
    }

    @Override
    public String trackingSchema(Connection connection) throws SQLException {
        try (var statement = connection.createStatement(); var rs = statement.executeQuery("SELECT currentDatabase()")) {
            return rs.next() ? rs.getString(1) : null;
        }
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

    @Override
    public VersionTable versionTable(Connection connection, DatasourceConfig config) {
        return new ClickHouseVersionTable(connection, config.table(), config.cluster(), config.tableEngine());
    }

    @Override
    public MigrationLock lock(Connection connection, DatasourceConfig config, Duration wait) throws SQLException {
        return ClickHouseLock.acquire(connection, ClickHouseLock.tableFor(config.table()), config.cluster(), wait);
    }

    @Override
    public List<LockHolder> lockHolders(Connection connection, DatasourceConfig config) throws SQLException {
        return ClickHouseLock.holders(connection, ClickHouseLock.tableFor(config.table()));
    }

    @Override
    public boolean releaseLock(Connection connection, DatasourceConfig config, String holderId) throws SQLException {
        return ClickHouseLock.release(connection, ClickHouseLock.tableFor(config.table()), config.cluster(), holderId);
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
    public String databaseName(Connection connection) throws SQLException {
        return trackingSchema(connection);
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

    @Override
    public ai.brokle.migrate.seed.SeedStore seedStore(Connection connection) {
        return new ClickHouseSeedStore(connection);
    }

    private static final String NAME = "`?[A-Za-z_][A-Za-z0-9_]*`?";
    private static final Isolation ISOLATION = new Isolation(FACTS.syntax(), List.of(
            Isolation.Rule.of("\\b(ON\\s+CLUSTER)\\b", "{} runs on every node of a cluster, not in one database"),
            Isolation.Rule.of("\\b((?:CREATE|ALTER|DROP|RENAME|ATTACH|DETACH)\\s+DATABASE)\\b",
                    "{} changes a database other than the scratch one"),
            Isolation.Rule.of("\\b(?:TABLE|VIEW|DICTIONARY|EXISTS|FROM|JOIN|INTO|TO)\\s+((?!system\\.|INFORMATION_SCHEMA\\.)"
                    + NAME + "\\." + NAME + ")", "{} names a table of another database")));

    /** Tables (engine, keys, TTL, settings), columns (type, default, codec, comment), indexes, views, dictionaries. */
    @Override
    public SchemaSnapshot snapshot(Connection connection, DatasourceConfig config) throws SQLException {
        return new ClickHouseSnapshot(connection, Set.of(config.table(), "DATABASECHANGELOG", "DATABASECHANGELOGLOCK",
                ClickHouseLock.tableFor(config.table()))).read();
    }

    @Override
    public ScratchDatabases scratchDatabases() {
        return new ClickHouseScratch();
    }

    @Override
    public Optional<String> notVerifiableAlone(List<SqlStatement> statements) {
        return ISOLATION.problem(statements);
    }
}
