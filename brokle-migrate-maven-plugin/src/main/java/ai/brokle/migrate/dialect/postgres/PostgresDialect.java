package ai.brokle.migrate.dialect.postgres;

import ai.brokle.migrate.config.DatasourceConfig;
import ai.brokle.migrate.dialect.DeclaredDialect;
import ai.brokle.migrate.dialect.EmbeddedServer;
import ai.brokle.migrate.dialect.Isolation;
import ai.brokle.migrate.dialect.ScratchDatabases;
import ai.brokle.migrate.schema.SchemaSnapshot;
import ai.brokle.migrate.sql.SqlSyntax;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import static ai.brokle.migrate.config.GoMigrateParameters.SPLITTING;
import static ai.brokle.migrate.config.GoMigrateParameters.STATEMENT_TIMEOUT;
import static ai.brokle.migrate.config.GoMigrateParameters.TABLE;
import static ai.brokle.migrate.config.GoMigrateParameters.TABLE_QUOTED;

/** PostgreSQL: transactional DDL, dollar-quoted bodies, an embedded server when nothing is configured. */
public final class PostgresDialect extends DeclaredDialect {

    /** Migrated first; the main database. Advisory locks end with their session. */
    private static final Facts FACTS = new Facts(new Traits("postgres", "PostgreSQL", "DATABASE_URL",
            "DATABASE_MIGRATIONS_PATH", "migrations", true,
            "postgres://user:pass@localhost:" + PostgresUrl.DEFAULT_PORT + "/brokle?sslmode=disable",
            List.of(TABLE, TABLE_QUOTED, STATEMENT_TIMEOUT, SPLITTING.get(0), SPLITTING.get(1)),
            true, List.of(new DurationSetting("statementTimeout", ChronoUnit.MILLIS),
                    new DurationSetting("lockTimeout", ChronoUnit.MILLIS))),
            SqlSyntax.POSTGRES, true, true, false, 0, true);

    private static final Isolation ISOLATION = new Isolation(FACTS.syntax(), List.of(
            Isolation.Rule.of("\\b(?:CREATE|ALTER|DROP)\\s+(ROLE|USER|GROUP|DATABASE|TABLESPACE)\\b",
                    "changes a {}, which belongs to the whole server, not to one database"),
            Isolation.Rule.of("^\\s*(GRANT|REVOKE|REASSIGN\\s+OWNED|ALTER\\s+DEFAULT\\s+PRIVILEGES|SET\\s+ROLE)\\b",
                    "{} names roles, which are the server's, not the scratch database's"),
            Isolation.Rule.of("\\b(OWNER\\s+TO)\\b", "{} names a role, which is the server's, not the scratch database's"),
            Isolation.Rule.of("^\\s*(ALTER\\s+SYSTEM)\\b", "{} changes the whole server's configuration"),
            Isolation.Rule.of("\\b((?:CREATE|ALTER|DROP)\\s+(?:SUBSCRIPTION|SERVER)|IMPORT\\s+FOREIGN\\s+SCHEMA)\\b",
                    "{} reaches another server")));

    /** {@code DROP DATABASE ... WITH (FORCE)} closes other sessions; 42501 (insufficient_privilege) is no CREATEDB. */
    private static final ScratchDatabases SCRATCH = new ScratchDatabases(
            "SELECT datname FROM pg_database WHERE starts_with(datname, ?) ORDER BY datname", PostgresNames::quote,
            " WITH (FORCE)", e -> "42501".equals(e.getSQLState()), user -> "Let the user create databases (as an "
            + "administrator: ALTER ROLE " + (user == null ? "<user>" : user) + " CREATEDB), or run verify on the "
            + "embedded PostgreSQL by leaving brokle.migrate.postgres.url (and DATABASE_URL) unset");

    /**
     * The guards are lock_timeout and statement_timeout (golang-migrate's x-statement-timeout sets the latter too):
     * they limit each migration's statements, not the plugin's own bookkeeping and lock queries.
     */
    public PostgresDialect() {
        super(FACTS, new Parts(PostgresUrl::jdbcUrl, PostgresGuard::new, PostgresRules::all, "SELECT current_schema()",
                "SELECT current_database() || '.' || current_schema()",
                (connection, config) -> new PostgresVersionTable(connection, config.table()),
                PostgresAdvisoryLock.LOCKS, PostgresSeedStore::new, SCRATCH, ISOLATION));
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
    public boolean sendsTogether(List<ai.brokle.migrate.sql.SqlStatement> statements) {
        return PostgresTogether.sendsTogether(statements);
    }

    @Override
    public boolean runsAgainToFindStatement(Throwable failure) {
        return PostgresTogether.runsAgainToFindStatement(failure);
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
}
