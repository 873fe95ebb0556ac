package ai.brokle.migrate.engine;

import ai.brokle.migrate.InternalFailure;
import ai.brokle.migrate.dialect.MigrationGuard;
import ai.brokle.migrate.liquibase.StatementFailedException;
import ai.brokle.migrate.liquibase.TranslatedMigration;
import ai.brokle.migrate.source.Migration;
import ai.brokle.migrate.sql.SqlStatement;
import ai.brokle.migrate.sql.TransactionControl;
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
 * and cleared after success, as golang-migrate does. The dialect's guards (lock and statement timeouts) are set
 * before a migration's statements and released after them; a statement a guard stopped fails naming the setting.
 */
final class MigrationRunner {

    private final Target target;
    private final FailureNote failureNote;

    MigrationRunner(Target target, FailureNote failureNote) {
        this.target = target;
        this.failureNote = failureNote;
    }

    /**
     * @param before the applied version before this migration (empty: none)
     * @param after  the highest applied version once it is applied (an out-of-order migration leaves it as it was)
     */
    void apply(TranslatedMigration migration, Optional<Long> before, Optional<Long> after) {
        move(migration, true, before, after);
    }

    /** @param after the version that is current once this migration is undone; empty when none is left */
    void rollback(TranslatedMigration migration, Optional<Long> before, Optional<Long> after) {
        move(migration, false, before, after);
    }

    /**
     * Refuses a transactional migration that commits or begins a transaction itself: its statements would not
     * share the migration's transaction, so a failure could leave part of it behind.
     */
    void requireOwnTransaction(TranslatedMigration migration, boolean up) {
        Migration m = migration.migration();
        if (!inTransaction(migration)) {
            return;
        }
        TransactionControl.find(up ? migration.up() : migration.down()).ifPresent(statement -> {
            throw new GoalRefusedException((up ? m.upFile() : m.downFile()) + " (" + (up ? "up" : "down") + "), line "
                    + statement.line() + ": " + statement.firstLine() + " controls the transaction, but this migration "
                    + "runs in one transaction with its bookkeeping, so part of it could be committed before a later "
                    + "failure. Nothing was applied. Remove the statement, or run the file outside a transaction by "
                    + "adding the line: -- +migrate notransaction");
        });
    }

    private boolean inTransaction(TranslatedMigration migration) {
        return target.dialect.facts().transactional() && migration.migration().transactional();
    }

    /**
     * Runs one direction of a migration and its bookkeeping. Outside a transaction it follows golang-migrate's dirty
     * protocol: the target version is recorded dirty first and clean once the statements succeeded.
     */
    private void move(TranslatedMigration migration, boolean up, Optional<Long> before, Optional<Long> after) {
        boolean inTransaction = inTransaction(migration);
        try {
            if (!inTransaction) {
                target.versionTable().write(Optional.of(new SchemaVersion(after.orElse(SchemaVersion.NIL), true)));
                target.changeLog().commit();
            }
            MigrationGuard guard = target.dialect.guard(target.config);
            try {
                withAutoCommit(!inTransaction, () -> {
                    guard.apply(target.connection(), inTransaction);
                    try {
                        if (sendsTogether(migration, up)) {
                            target.changeLog().runTogether(migration, up);
                        } else {
                            target.changeLog().runOneByOne(migration, up);
                        }
                    } finally {
                        guard.release(target.connection(), inTransaction);
                    }
                });
            } catch (StatementFailedException e) {
                rollbackQuietly();
                boolean runAgain = e.statement() == null && target.dialect.runsAgainToFindStatement(e);
                throw failure(migration, up, runAgain ? pinpoint(migration, up, guard, e) : e, runAgain,
                        inTransaction, before, after);
            }
            if (up) {
                target.changeLog().markRan(migration);
            } else {
                target.changeLog().unmarkRan(migration);
            }
            target.versionTable().write(after.map(v -> new SchemaVersion(v, false)));
            target.changeLog().commit();
        } catch (ChangeLogException | SQLException e) {
            rollbackQuietly();
            throw bookkeepingFailure(migration, e);
        }
    }

    /** In a transaction, the statements go as one request where the dialect can send them so. */
    private boolean sendsTogether(TranslatedMigration migration, boolean up) {
        return inTransaction(migration) && target.dialect.sendsTogether(up ? migration.up() : migration.down());
    }

    /**
     * Finds the statement that failed when a migration's statements were sent as one request: runs them again one
     * by one, with the guards, in a transaction that is rolled back. Called only when the dialect says the failure is
     * one to repeat; if none fails this time, the first failure is reported without a statement.
     */
    private StatementFailedException pinpoint(TranslatedMigration migration, boolean up, MigrationGuard guard,
                                              StatementFailedException together) {
        try {
            guard.apply(target.connection(), true);
            target.changeLog().runOneByOne(migration, up);
            return together;
        } catch (StatementFailedException e) {
            return e;
        } catch (SQLException e) {
            return together;
        } finally {
            rollbackQuietly();
        }
    }

    /** The SQL a dry run shows: the migration's statements and the bookkeeping, in execution order. */
    List<String> plannedSql(TranslatedMigration migration, boolean up, Optional<Long> versionAfter) {
        List<String> sql = new ArrayList<>(target.dialect.guard(target.config).applySql(inTransaction(migration)));
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

    private interface StatementWork {
        void run() throws StatementFailedException, SQLException;
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
                                             boolean ranAgain, boolean inTransaction, Optional<Long> before,
                                             Optional<Long> after) {
        Migration m = migration.migration();
        SqlStatement statement = e.statement();
        Path file = up ? m.upFile() : m.downFile();
        String where = file + " (" + (up ? "up" : "down") + "), " + (statement == null
                ? "one of its statements, sent together (" + (ranAgain
                        ? "run again one by one, none failed)" : "not run again after this failure)")
                : "statement " + statement.number() + " at line " + statement.line() + ": " + statement.firstLine());
        long dirtyAt = after.orElse(SchemaVersion.NIL);
        if (!inTransaction) {
            failureNote.record(dirtyAt, where);
        }
        String force = "mvn brokle-migrate:force -Dbrokle.migrate.db=" + target.name() + " -Dbrokle.migrate.version=";
        String recovery = inTransaction
                ? "Nothing of this migration was applied (it ran in one transaction). Fix the SQL, then run: "
                  + "mvn brokle-migrate:" + (up ? "up" : "down") + " -Dbrokle.migrate.db=" + target.name()
                : "The database is now marked dirty at version " + dirtyAt + " and may hold part of the migration. "
                  + (up ? "Undo what it applied, then run: " + force + before.orElse(0L) + " (up then runs it again); "
                          + "or finish it by hand and run: " + force + after.orElse(0L)
                        : "Finish its down by hand, then run: " + force + after.orElse(0L) + "; or restore what it "
                          + "removed and run: " + force + before.orElse(0L));
        String guard = target.dialect.guard(target.config).explain(e).map(note -> "\n  " + note).orElse("");
        return new MigrationFailedException("Migration " + m.id() + " failed on " + target.name() + "\n  in " + where
                + "\n  database error: " + e.getMessage() + guard + "\n" + recovery, m.id(),
                statement == null ? 0 : statement.number());
    }

    private InternalFailure bookkeepingFailure(TranslatedMigration migration, Exception e) {
        return new InternalFailure("Recording migration " + migration.migration().id() + " on " + target.name()
                + " failed: " + e.getMessage() + ". Run mvn brokle-migrate:status -Dbrokle.migrate.db=" + target.name()
                + " to see the state, then retry.", e);
    }

    private void rollbackQuietly() {
        try {
            target.changeLog().rollback();
        } catch (ChangeLogException ignored) {
            // the original failure is what the user needs to see
        }
    }
}
