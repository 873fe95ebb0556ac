package ai.brokle.migrate.dialect;

import ai.brokle.migrate.config.DatasourceConfig;
import ai.brokle.migrate.config.DatasourceKind;
import ai.brokle.migrate.sql.SqlSyntax;
import ai.brokle.migrate.state.VersionTable;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything that differs between PostgreSQL and ClickHouse, including what configuration knows of each
 * ({@link DatasourceKind}). The engine knows nothing else about either.
 */
public interface Dialect extends DatasourceKind {

    /**
     * The fixed facts about the database.
     *
     * @param kind                    what configuration knows of it
     * @param syntax                  lexical rules for the statement splitter
     * @param transactional           true when a migration and its bookkeeping can share one transaction
     * @param updatesChangeLogInPlace true when a DATABASECHANGELOG row can be updated in place (a checksum
     *                                re-recorded by repair); false where the row is replaced instead (ClickHouse:
     *                                its Liquibase extension cannot generate the update)
     * @param locksOutliveTheirHolder true when a lock outlives the process that took it (a killed run leaves it
     *                                behind for {@code unlock}); false when it ends with its database session
     * @param upOrder                 the place in "up" order (lowest first); down and destructive goals go the reverse
     * @param primary                 true for the main database: it takes a seed file's top-level tables and
     *                                {@code create} writes to it when every datasource is selected
     */
    record Facts(Traits kind, SqlSyntax syntax, boolean transactional, boolean updatesChangeLogInPlace,
                 boolean locksOutliveTheirHolder, int upOrder, boolean primary) {
    }

    Facts facts();

    @Override
    default Traits traits() {
        return facts().kind();
    }

    /** The datasource name used in parameters and messages. */
    default String name() {
        return traits().name();
    }

    /** Starts a server of the plugin's own when the datasource asks for one (no URL configured). */
    default Optional<EmbeddedServer> startEmbedded(DatasourceConfig config, Path workDir) {
        return Optional.empty();
    }

    /**
     * True when these statements of a migration that runs in a transaction can go to the database as one request
     * (one round trip). A failure then names no statement until {@link #runsAgainToFindStatement} allows running
     * them again one by one, in a transaction that is rolled back.
     */
    default boolean sendsTogether(List<ai.brokle.migrate.sql.SqlStatement> statements) {
        return false;
    }

    /**
     * True when a failure of statements sent together may be reproduced by running them again to find the failing
     * one; false when running them again would do harm or cannot work (the session is gone, an operator cancelled).
     */
    default boolean runsAgainToFindStatement(Throwable failure) {
        return false;
    }

    /**
     * Opens a connection with the dialect's driver, never through DriverManager. A driver may connect lazily: the
     * connection is proven by {@link #session}, which every caller runs next, inside its connection-failure handling.
     */
    Connection connect(String jdbcUrl, String username, String password) throws SQLException;

    /** The production guards (lock and statement timeouts) applied around each migration's statements. */
    MigrationGuard guard(DatasourceConfig config);

    /** The database-specific rules of {@code validate}; the generic ones come from the lint package. */
    List<ai.brokle.migrate.lint.Rule> lintRules();

    /**
     * What the engine asks a new connection, in one query, before anything else; it also proves the connection (a
     * driver may connect lazily).
     */
    Session session(Connection connection) throws SQLException;

    /**
     * @param trackingSchema the schema (or database) Liquibase keeps its tables in, or null for the default
     * @param majorVersion   the server's major version where the driver would ask the server again on every use
     *                       (Liquibase asks for it per generated statement), or null to let the driver answer
     */
    record Session(String trackingSchema, Integer majorVersion) {
    }

    /**
     * DDL of the tracking tables the plugin creates itself before Liquibase looks (the version table, and for a
     * ClickHouse cluster the replicated Liquibase tables); executed when missing, printed by dry runs.
     */
    List<String> trackingTablesSql(DatasourceConfig config);

    /** SQL for the execution time Liquibase records, or null to keep Liquibase's own. */
    String executionTimestampSql();

    VersionTable versionTable(Connection connection, DatasourceConfig config);

    /**
     * Takes the cross-process migration lock, waiting at most {@code wait}.
     *
     * @throws LockTimeoutException when another process still holds it after the wait
     */
    MigrationLock lock(Connection connection, DatasourceConfig config, Duration wait) throws SQLException;

    /** Who holds the migration lock now; empty when free. */
    List<LockHolder> lockHolders(Connection connection, DatasourceConfig config) throws SQLException;

    /**
     * Removes the lock if {@code holderId} still holds it; a lock taken by anyone else in the meantime stays.
     *
     * @return false when that holder no longer holds the lock
     */
    boolean releaseLock(Connection connection, DatasourceConfig config, String holderId) throws SQLException;

    /**
     * Drops every table, view, type, function and sequence of the datasource's schema (or database), and the
     * tracking tables wherever they are, so the state left says "nothing applied". The migration lock stays held.
     */
    void dropAll(Connection connection, DatasourceConfig config) throws SQLException;

    /** Drops and recreates the schema (PostgreSQL) or drops every table (ClickHouse); as {@link #dropAll}. */
    void reset(Connection connection, DatasourceConfig config) throws SQLException;

    /** The name of the database, for confirmation prompts. */
    String databaseName(Connection connection) throws SQLException;

    /** The text of a new migration file. */
    String template(String name, boolean up, Instant created);

    /** Short product and driver description for {@code info}. */
    String describeDriver();

    /** How seed rows are read and written on this database: upsert or append, transactions, types. */
    ai.brokle.migrate.seed.SeedStore seedStore(Connection connection);

    /** The schema of the connection's database in the neutral model (for verify); the tracking tables left out. */
    ai.brokle.migrate.schema.SchemaSnapshot snapshot(Connection connection, DatasourceConfig config)
            throws SQLException;

    /** Throwaway databases on this datasource's server (for verify). */
    ScratchDatabases scratchDatabases();

    /**
     * Why these statements cannot be verified on a scratch database alone (they reach roles, other databases or a
     * cluster), as "line N: reason (statement)"; empty when they can.
     */
    Optional<String> notVerifiableAlone(List<ai.brokle.migrate.sql.SqlStatement> statements);
}
