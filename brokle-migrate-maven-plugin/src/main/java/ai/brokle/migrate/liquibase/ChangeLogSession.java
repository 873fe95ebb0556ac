package ai.brokle.migrate.liquibase;

import ai.brokle.migrate.Failures;
import liquibase.Scope;
import liquibase.change.Change;
import liquibase.changelog.ChangeLogHistoryService;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.RanChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.exception.DatabaseException;
import liquibase.executor.Executor;
import liquibase.executor.ExecutorService;
import liquibase.lockservice.LockService;
import liquibase.lockservice.LockServiceFactory;
import liquibase.logging.core.NoOpLogService;
import liquibase.ui.LoggerUIService;
import liquibase.snapshot.SnapshotGeneratorFactory;
import liquibase.sql.Sql;
import liquibase.sqlgenerator.SqlGeneratorFactory;
import liquibase.statement.SqlStatement;
import liquibase.statement.core.MarkChangeSetRanStatement;
import liquibase.statement.core.RawSqlStatement;
import liquibase.statement.core.RemoveChangeSetRanStatusStatement;
import liquibase.statement.core.UpdateChangeSetChecksumStatement;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Liquibase on one JDBC connection: reads DATABASECHANGELOG once, runs changesets' SQL through Liquibase's executor,
 * and writes their bookkeeping — without committing, so the engine decides transaction boundaries (one commit per
 * migration, bookkeeping included). Liquibase's own logging is silenced; the engine reports progress.
 */
public final class ChangeLogSession implements AutoCloseable {

    private final Database database;
    private final String logicalPath;
    private final String scopeId;
    private ChangeLogHistoryService history;

    /**
     * @param defaultSchema     where the tracking tables live (null: the connection's default)
     * @param majorVersion      the server's major version when already known (null: Liquibase asks the driver once)
     * @param timestampFunction SQL for DATEEXECUTED, or null for Liquibase's own
     * @param notices           receives the database's notices and warnings (e.g. "... does not exist, skipping")
     */
    public ChangeLogSession(Connection connection, String datasource, String defaultSchema, Integer majorVersion,
                            String timestampFunction, Consumer<String> notices) throws ChangeLogException {
        try {
            this.scopeId = Scope.enter(Map.of(Scope.Attr.logService.name(), new NoOpLogService(),
                    Scope.Attr.ui.name(), new ForwardingUIService(notices)));
            FrozenSettings.freeze();
            this.database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(
                    new ServerInfoConnection(connection, majorVersion));
            if (defaultSchema != null) {
                database.setDefaultSchemaName(defaultSchema);
            }
            if (timestampFunction != null) {
                database.setCurrentDateTimeFunction(timestampFunction);
            }
        } catch (Exception e) {
            throw new ChangeLogException(e);
        }
        this.logicalPath = ChangeSetTranslator.logicalPath(datasource);
    }

    public static String liquibaseVersion() {
        return liquibase.util.LiquibaseUtil.getBuildVersion();
    }

    /** True when DATABASECHANGELOG exists; nothing is created. */
    public boolean hasChangeLog() throws ChangeLogException {
        try {
            return SnapshotGeneratorFactory.getInstance().hasDatabaseChangeLogTable(database);
        } catch (DatabaseException e) {
            throw new ChangeLogException(e);
        }
    }

    /**
     * Creates DATABASECHANGELOG (and DATABASECHANGELOGLOCK, kept for tools that read it; the plugin itself locks
     * through its dialect) when missing and returns this datasource's
     * applied changesets, in run order.
     */
    public List<AppliedChangeSet> initAndReadApplied() throws ChangeLogException {
        try {
            historyService().init();
            lockService().init();
            database.commit();
            return readApplied();
        } catch (DatabaseException e) {
            throw new ChangeLogException(e);
        }
    }

    /** The applied changesets, without creating anything (empty when there is no DATABASECHANGELOG). */
    public List<AppliedChangeSet> readApplied() throws ChangeLogException {
        try {
            List<AppliedChangeSet> applied = new ArrayList<>();
            if (!hasChangeLog()) {
                return applied;
            }
            for (RanChangeSet ran : historyService().getRanChangeSets()) {
                if (logicalPath.equals(ran.getChangeLog())) {
                    Date at = ran.getDateExecuted();
                    applied.add(new AppliedChangeSet(ran.getId(),
                            ran.getLastCheckSum() == null ? null : ran.getLastCheckSum().toString(),
                            at == null ? null : at.toInstant(), ran.getExecType() == ChangeSet.ExecType.EXECUTED));
                }
            }
            return applied;
        } catch (DatabaseException e) {
            throw new ChangeLogException(e);
        }
    }

    /** Runs the up (or down) statements change by change; stops at the first failure and names its statement. */
    public void runOneByOne(TranslatedMigration migration, boolean up) throws StatementFailedException {
        List<Change> changes = up ? migration.changeSet().getChanges()
                : migration.changeSet().getRollback().getChanges();
        List<ai.brokle.migrate.sql.SqlStatement> statements = up ? migration.up() : migration.down();
        for (int i = 0; i < changes.size(); i++) {
            run(changes.get(i), statements.get(i));
        }
    }

    /**
     * Runs the up (or down) statements as one request: one pass through Liquibase's executor and one round trip
     * instead of one per statement. Only inside a transaction; a failure names no statement (the caller rolls back
     * and finds it with {@link #runOneByOne}).
     */
    public void runTogether(TranslatedMigration migration, boolean up) throws StatementFailedException {
        StringBuilder sql = new StringBuilder();
        for (ai.brokle.migrate.sql.SqlStatement statement : up ? migration.up() : migration.down()) {
            sql.append(statement.sql()).append("\n;\n");
        }
        try {
            executor().execute(new RawSqlStatement(sql.toString()));
        } catch (DatabaseException e) {
            throw new StatementFailedException(null, rootMessage(e), e);
        }
    }

    private void run(Change change, ai.brokle.migrate.sql.SqlStatement statement) throws StatementFailedException {
        try {
            executor().execute(change);
        } catch (DatabaseException e) {
            throw new StatementFailedException(statement, rootMessage(e), e);
        }
    }

    /** Records the changeset as executed in DATABASECHANGELOG (not committed). */
    public void markRan(TranslatedMigration migration) throws ChangeLogException {
        bookkeeping(new MarkChangeSetRanStatement(migration.changeSet(), ChangeSet.ExecType.EXECUTED));
    }

    /** Records the changeset as applied without running it (EXECTYPE MARK_RAN), for adoption and force. */
    public void markRanWithoutRunning(TranslatedMigration migration) throws ChangeLogException {
        bookkeeping(new MarkChangeSetRanStatement(migration.changeSet(), ChangeSet.ExecType.MARK_RAN));
    }

    /** Removes the changeset's DATABASECHANGELOG row (not committed). */
    public void unmarkRan(TranslatedMigration migration) throws ChangeLogException {
        bookkeeping(new RemoveChangeSetRanStatusStatement(migration.changeSet()));
    }

    /** Removes the DATABASECHANGELOG row of a migration whose file is gone (not committed). */
    public void unmarkRan(String id) throws ChangeLogException {
        bookkeeping(new RemoveChangeSetRanStatusStatement(new ChangeSet(id, ChangeSetTranslator.AUTHOR,
                false, false, logicalPath, null, null, null)));
    }

    /** Records the migration's current checksum in its DATABASECHANGELOG row (not committed), for repair. */
    public void updateChecksum(TranslatedMigration migration) throws ChangeLogException {
        bookkeeping(new UpdateChangeSetChecksumStatement(migration.changeSet()));
    }

    private void bookkeeping(SqlStatement statement) throws ChangeLogException {
        try {
            executor().execute(statement);
        } catch (DatabaseException e) {
            throw new ChangeLogException(e);
        }
    }

    /** The SQL Liquibase would run for the bookkeeping of this changeset, for dry runs. */
    public List<String> bookkeepingSql(TranslatedMigration migration, boolean up) throws ChangeLogException {
        SqlStatement statement = up
                ? new MarkChangeSetRanStatement(migration.changeSet(), ChangeSet.ExecType.EXECUTED)
                : new RemoveChangeSetRanStatusStatement(migration.changeSet());
        List<String> sql = new ArrayList<>();
        if (up && !hasChangeLog()) {
            sql.add("-- DATABASECHANGELOG is created first, then a row is inserted for " + migration.migration().id());
            return sql;
        }
        for (Sql generated : SqlGeneratorFactory.getInstance().generateSql(statement, database)) {
            sql.add(generated.toSql());
        }
        return sql;
    }

    public void commit() throws ChangeLogException {
        try {
            database.commit();
        } catch (DatabaseException e) {
            throw new ChangeLogException(e);
        }
    }

    public void rollback() throws ChangeLogException {
        try {
            database.rollback();
        } catch (DatabaseException e) {
            throw new ChangeLogException(e);
        }
    }

    private LockService lockService() {
        return LockServiceFactory.getInstance().getLockService(database);
    }

    private ChangeLogHistoryService historyService() {
        if (history == null) {
            history = Scope.getCurrentScope().getSingleton(ChangeLogHistoryServiceFactory.class)
                    .getChangeLogService(database);
        }
        return history;
    }

    private Executor executor() {
        return Scope.getCurrentScope().getSingleton(ExecutorService.class).getExecutor("jdbc", database);
    }

    /** Liquibase sends SQL warnings to its UI service; they go to the user's log instead of standard output. */
    private static final class ForwardingUIService extends LoggerUIService {
        private final Consumer<String> notices;

        ForwardingUIService(Consumer<String> notices) {
            this.notices = notices;
        }

        @Override
        public void sendMessage(String message) {
            notices.accept(message);
        }

        @Override
        public void sendErrorMessage(String message) {
            notices.accept(message);
        }

        @Override
        public void sendErrorMessage(String message, Throwable exception) {
            notices.accept(message);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = Failures.rootCause(e);
        String message = root.getMessage() == null ? root.toString() : root.getMessage();
        return message.strip();
    }

    /** Releases Liquibase's per-database state; the JDBC connection is closed by its owner. */
    @Override
    public void close() {
        Scope.getCurrentScope().getSingleton(ExecutorService.class).reset();
        LockServiceFactory.getInstance().resetAll();
        Scope.getCurrentScope().getSingleton(ChangeLogHistoryServiceFactory.class).resetAll();
        try {
            Scope.exit(scopeId);
        } catch (Exception e) {
            // the scope belongs to this thread only; nothing is left to clean up
        }
    }
}
