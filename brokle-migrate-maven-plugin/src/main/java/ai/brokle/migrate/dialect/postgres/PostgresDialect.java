package ai.brokle.migrate.dialect.postgres;

import ai.brokle.migrate.config.DatabaseUrl;
import ai.brokle.migrate.config.DatasourceConfig;
import ai.brokle.migrate.config.GoMigrateParameters;
import ai.brokle.migrate.config.UrlInput;
import ai.brokle.migrate.dialect.Dialect;
import ai.brokle.migrate.dialect.EmbeddedServer;
import ai.brokle.migrate.dialect.LockHolder;
import ai.brokle.migrate.dialect.Isolation;
import ai.brokle.migrate.dialect.MigrationGuard;
import ai.brokle.migrate.dialect.MigrationLock;
import ai.brokle.migrate.dialect.ScratchDatabases;
import ai.brokle.migrate.schema.SchemaSnapshot;
import ai.brokle.migrate.sql.SqlStatement;
import ai.brokle.migrate.sql.SqlSyntax;
import ai.brokle.migrate.state.VersionTable;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/** PostgreSQL: transactional DDL, dollar-quoted bodies, an embedded server when nothing is configured. */
public final class PostgresDialect implements Dialect {

    /** Migrated first; the main database. Advisory locks end with their session. */
    private static final Facts FACTS = new Facts(new Traits("postgres", "PostgreSQL", "DATABASE_URL",
            "DATABASE_MIGRATIONS_PATH", "migrations", true,
            "postgres://user:pass@localhost:" + PostgresUrl.DEFAULT_PORT + "/brokle?sslmode=disable",
            List.of(GoMigrateParameters.TABLE, GoMigrateParameters.TABLE_QUOTED, GoMigrateParameters.STATEMENT_TIMEOUT,
                    GoMigrateParameters.SPLITTING.get(0), GoMigrateParameters.SPLITTING.get(1)),
            true, List.of(new DurationSetting("statementTimeout", ChronoUnit.MILLIS),
                    new DurationSetting("lockTimeout", ChronoUnit.MILLIS))),
            SqlSyntax.POSTGRES, true, true, false, 0, true);

    @Override
    public Facts facts() {
        return FACTS;
    }

    @Override
    public DatabaseUrl jdbcUrl(UrlInput url) {
        return PostgresUrl.jdbcUrl(url);
    }

    /** Brokle's DB_HOST, DB_PORT, DB_USER, DB_PASSWORD, DB_NAME and DB_SSLMODE. */
    @Override
    public Optional<VariablesUrl> urlFromVariables(Map<String, String> variables, String layer) {
        return DbVariables.postgresUrl(variables, layer).map(url -> new VariablesUrl(url, DbVariables.origin(layer)));
    }

    @Override
    public Optional<EmbeddedServer> startEmbedded(DatasourceConfig config, Path workDir) {
        if (!config.embedded()) {
            return Optional.empty();
        }
        return Optional.of(EmbeddedPostgresServer.start(workDir.resolve("postgres-data")));
    }

    @Override
    public Connection connect(String jdbcUrl, String username, String password) throws SQLException {
        Properties properties = new Properties();
        if (username != null) {
            properties.setProperty("user", username);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", "brokle-migrate");
        properties.setProperty("connectTimeout", "10");
        Connection connection = new org.postgresql.Driver().connect(jdbcUrl, properties);
        if (connection == null) {
            throw new SQLException("not a PostgreSQL JDBC URL");
        }
        return connection;
    }

    /**
     * lock_timeout and statement_timeout (golang-migrate's x-statement-timeout sets the latter too) limit each
     * migration's statements, not the plugin's own bookkeeping and lock queries.
     */
    @Override
    public MigrationGuard guard(DatasourceConfig config) {
        return new PostgresGuard(config);
    }

    @Override
    public List<ai.brokle.migrate.lint.Rule> lintRules() {
        return PostgresRules.all();
    }

    @Override
    public String trackingSchema(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT current_schema()")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Override
    public List<String> trackingTablesSql(DatasourceConfig config) {
        return List.of(PostgresVersionTable.createSql(config.table()));
    }

    /** Liquibase's NOW() is right for PostgreSQL. */
    @Override
    public String executionTimestampSql() {
        return null;
    }

    @Override
    public VersionTable versionTable(Connection connection, DatasourceConfig config) {
        return new PostgresVersionTable(connection, config.table());
    }

    @Override
    public MigrationLock lock(Connection connection, DatasourceConfig config, Duration wait) throws SQLException {
        return PostgresAdvisoryLock.acquire(connection, config.table(), wait);
    }

    @Override
    public List<LockHolder> lockHolders(Connection connection, DatasourceConfig config) throws SQLException {
        return PostgresAdvisoryLock.holders(connection, config.table());
    }

    /** Advisory locks end with their session: there is never a stale one to release. */
    @Override
    public boolean releaseLock(Connection connection, DatasourceConfig config, String holderId) {
        return false;
    }

    @Override
    public void dropAll(Connection connection, DatasourceConfig config) throws SQLException {
        SchemaDropper.dropAll(connection, trackingTables(connection, config));
    }

    @Override
    public void reset(Connection connection, DatasourceConfig config) throws SQLException {
        SchemaDropper.recreateSchema(connection, trackingTables(connection, config));
    }

    /** The version table wherever it is configured, and Liquibase's tables in their schema. */
    private List<String> trackingTables(Connection connection, DatasourceConfig config) throws SQLException {
        String current = trackingSchema(connection);
        PostgresNames.Table table = PostgresNames.Table.parse(config.table());
        String schema = PostgresNames.quote(current);
        return List.of(new PostgresNames.Table(table.schema() == null ? current : table.schema(), table.name()).sql(),
                schema + ".databasechangelog", schema + ".databasechangeloglock");
    }

    @Override
    public String databaseName(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT current_database() || '.' || current_schema()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Override
    public String template(String name, boolean up, Instant created) {
        String header = "-- Migration: " + name + "\n-- Created: " + created + "\n";
        return up
                ? header + "\n-- Write the schema change here, e.g.\n-- CREATE TABLE IF NOT EXISTS " + name
                  + " (\n--     id VARCHAR(26) PRIMARY KEY,\n--     created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP\n-- );\n"
                : header + "\n-- Undo the up migration here, e.g.\n-- DROP TABLE IF EXISTS " + name + ";\n";
    }

    @Override
    public String describeDriver() {
        return "PostgreSQL JDBC " + org.postgresql.util.DriverInfo.DRIVER_VERSION;
    }

    @Override
    public ai.brokle.migrate.seed.SeedStore seedStore(Connection connection) {
        return new PostgresSeedStore(connection);
    }

    private static final Isolation ISOLATION = new Isolation(FACTS.syntax(), List.of(
            Isolation.Rule.of("\\b(?:CREATE|ALTER|DROP)\\s+(ROLE|USER|GROUP|DATABASE|TABLESPACE)\\b",
                    "changes a {}, which belongs to the whole server, not to one database"),
            Isolation.Rule.of("^\\s*(GRANT|REVOKE|REASSIGN\\s+OWNED|ALTER\\s+DEFAULT\\s+PRIVILEGES|SET\\s+ROLE)\\b",
                    "{} names roles, which are the server's, not the scratch database's"),
            Isolation.Rule.of("\\b(OWNER\\s+TO)\\b", "{} names a role, which is the server's, not the scratch database's")));

    /** Tables, columns, constraints, indexes, views, functions, triggers, types, sequences, extensions, comments. */
    @Override
    public SchemaSnapshot snapshot(Connection connection, DatasourceConfig config) throws SQLException {
        String current = trackingSchema(connection);
        PostgresNames.Table table = PostgresNames.Table.parse(config.table());
        Set<String> excluded = new HashSet<>(Set.of("databasechangelog", "databasechangeloglock"));
        if (table.schema() == null || table.schema().equals(current)) {
            excluded.add(table.name());
        } else {
            excluded.add(table.schema() + "." + table.name());
            excluded.add(table.schema());
        }
        return new PostgresSnapshot(connection, excluded).read();
    }

    @Override
    public ScratchDatabases scratchDatabases() {
        return new PostgresScratch();
    }

    @Override
    public Optional<String> notVerifiableAlone(List<SqlStatement> statements) {
        return ISOLATION.problem(statements);
    }
}
