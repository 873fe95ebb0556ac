package ai.brokle.migrate.engine;

import ai.brokle.migrate.MigrateException;
import ai.brokle.migrate.liquibase.StatementFailedException;
import ai.brokle.migrate.liquibase.TranslatedMigration;
import ai.brokle.migrate.source.Migration;
import ai.brokle.migrate.sql.SqlStatement;
import ai.brokle.migrate.state.SchemaVersion;
import ai.brokle.migrate.liquibase.ChangeLogException;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies or rolls back one migration on an open target, with the dirty protocol. In a transaction (PostgreSQL) the
 * statements, the DATABASECHANGELOG row and {@code schema_migrations} commit together, so a failure leaves nothing
 * behind. Without one (ClickHouse, or {@code -- +migrate notransaction}), {@code (version, dirty)} is recorded first
 * and cleared after success, as golang-migrate does.
 */
final class MigrationRunner {

    private final Target target;
    private final FailureNote failureNote;

    MigrationRunner(Target target, FailureNote failureNote) {
        this.target = target;
        this.failureNote = failureNote;
    }

    void apply(TranslatedMigration migration) {
        move(migration, true, Optional.of(migration.migration().version()));
    }

    /** @param previous the version that is current once this migration is undone; empty when none is left */
    void rollback(TranslatedMigration migration, Optional<Long> previous) {
        move(migration, false, previous);
    }

    /** Runs one direction of a migration and its bookkeeping, with the dirty protocol where there is no transaction. */
    private void move(TranslatedMigration migration, boolean up, Optional<Long> versionAfter) {
        boolean inTransaction = target.dialect.transactional() && migration.migration().transactional();
        try {
            if (!inTransaction) {
                markDirty(migration.migration().version());
            }
            try {
                withAutoCommit(!inTransaction, () -> {
                    if (up) {
                        target.changeLog().runUp(migration);
                    } else {
                        target.changeLog().runDown(migration);
                    }
                });
            } catch (StatementFailedException e) {
                target.changeLog().rollback();
                throw failure(migration, up, e, inTransaction);
            }
            if (up) {
                target.changeLog().markRan(migration);
            } else {
                target.changeLog().unmarkRan(migration);
            }
            target.versionTable().write(versionAfter.map(v -> new SchemaVersion(v, false)));
            target.changeLog().commit();
        } catch (ChangeLogException | SQLException e) {
            rollbackQuietly();
            throw bookkeepingFailure(migration, e);
        }
    }

    /** The SQL a dry run shows: the migration's statements and the bookkeeping, in execution order. */
    List<String> plannedSql(TranslatedMigration migration, boolean up, Optional<Long> versionAfter) {
        List<String> sql = new ArrayList<>();
        for (SqlStatement statement : up ? migration.up() : migration.down()) {
            sql.add(statement.sql());
        }
        try {
            sql.addAll(target.changeLog().bookkeepingSql(migration, up));
        } catch (ChangeLogException e) {
            sql.add("-- DATABASECHANGELOG bookkeeping (cannot be rendered: " + e.getMessage() + ")");
        }
        sql.addAll(target.versionTable().writeSql(versionAfter.map(v -> new SchemaVersion(v, false))));
        return sql;
    }

    private void markDirty(long version) throws SQLException, ChangeLogException {
        target.versionTable().write(Optional.of(new SchemaVersion(version, true)));
        target.changeLog().commit();
    }

    private interface StatementWork {
        void run() throws StatementFailedException;
    }

    private void withAutoCommit(boolean autoCommit, StatementWork work) throws StatementFailedException, SQLException {
        boolean previous = target.connection().getAutoCommit();
        if (autoCommit == previous) {
            work.run();
            return;
        }
        target.connection().setAutoCommit(autoCommit);
        try {
            work.run();
        } finally {
            target.connection().setAutoCommit(previous);
        }
    }

    private MigrationFailedException failure(TranslatedMigration migration, boolean up, StatementFailedException e,
                                             boolean inTransaction) {
        Migration m = migration.migration();
        SqlStatement statement = e.statement();
        Path file = up ? m.upFile() : m.downFile();
        String where = file + " (" + (up ? "up" : "down") + "), statement " + statement.number() + " at line "
                + statement.line() + ": " + statement.firstLine();
        if (!inTransaction) {
            failureNote.record(m.version(), where);
        }
        String recovery = inTransaction
                ? "Nothing of this migration was applied (it ran in one transaction). Fix the SQL, then run: "
                  + "mvn brokle-migrate:" + (up ? "up" : "down") + " -Dbrokle.migrate.db=" + target.name()
                : "The database is now marked dirty at version " + m.version() + " and may hold part of the "
                  + "migration. Repair it by hand, then run: mvn brokle-migrate:force -Dbrokle.migrate.db="
                  + target.name() + " -Dbrokle.migrate.version=" + (up ? "<last fully applied version>" : m.version());
        return new MigrationFailedException("Migration " + m.id() + " failed on " + target.name() + "\n  in " + where
                + "\n  database error: " + e.getMessage() + "\n" + recovery, m.id(), statement.number());
    }

    private MigrateException bookkeepingFailure(TranslatedMigration migration, Exception e) {
        return new MigrateException("Recording migration " + migration.migration().id() + " on " + target.name()
                + " failed: " + e.getMessage() + ". Run mvn brokle-migrate:status -Dbrokle.migrate.db=" + target.name()
                + " to see the state, then retry.", false, e);
    }

    private void rollbackQuietly() {
        try {
            target.changeLog().rollback();
        } catch (ChangeLogException ignored) {
            // the original failure is what the user needs to see
        }
    }
}
