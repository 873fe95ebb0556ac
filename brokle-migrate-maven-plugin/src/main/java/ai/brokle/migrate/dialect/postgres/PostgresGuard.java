package ai.brokle.migrate.dialect.postgres;

import ai.brokle.migrate.Failures;
import ai.brokle.migrate.config.DatasourceConfig;
import ai.brokle.migrate.dialect.Durations;
import ai.brokle.migrate.dialect.MigrationGuard;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code lock_timeout} and {@code statement_timeout} for each migration: {@code SET LOCAL} inside its transaction
 * (gone at commit or rollback, so the bookkeeping of other migrations is not limited), and for a
 * {@code notransaction} file {@code SET} for the session, then {@code RESET} after its statements.
 */
final class PostgresGuard implements MigrationGuard {

    private static final String LOCK_STATE = "55P03";
    private static final String CANCELED_STATE = "57014";

    private final Duration lockTimeout;
    private final Duration statementTimeout;

    PostgresGuard(DatasourceConfig config) {
        this.lockTimeout = config.lockTimeout();
        this.statementTimeout = config.statementTimeout();
    }

    @Override
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        if (lockTimeout != null) {
            lines.add("lock_timeout " + Durations.show(lockTimeout) + " (brokle.migrate.postgres.lockTimeout)");
        }
        if (statementTimeout != null) {
            lines.add("statement_timeout " + Durations.show(statementTimeout)
                    + " (brokle.migrate.postgres.statementTimeout or x-statement-timeout)");
        }
        if (lines.isEmpty()) {
            lines.add("none (brokle.migrate.postgres.lockTimeout and .statementTimeout set lock_timeout and "
                    + "statement_timeout for each migration)");
        } else {
            lines.add("set per migration (SET LOCAL in its transaction; SET/RESET around a notransaction file)");
        }
        return lines;
    }

    @Override
    public List<String> applySql(boolean inTransaction) {
        String set = inTransaction ? "SET LOCAL " : "SET ";
        List<String> sql = new ArrayList<>();
        if (lockTimeout != null) {
            sql.add(set + "lock_timeout = " + lockTimeout.toMillis());
        }
        if (statementTimeout != null) {
            sql.add(set + "statement_timeout = " + statementTimeout.toMillis());
        }
        return sql;
    }

    private List<String> releaseSql() {
        List<String> sql = new ArrayList<>();
        if (lockTimeout != null) {
            sql.add("RESET lock_timeout");
        }
        if (statementTimeout != null) {
            sql.add("RESET statement_timeout");
        }
        return sql;
    }

    @Override
    public void apply(Connection connection, boolean inTransaction) throws SQLException {
        execute(connection, applySql(inTransaction));
    }

    @Override
    public void release(Connection connection, boolean inTransaction) throws SQLException {
        if (!inTransaction) {
            execute(connection, releaseSql());
        }
    }

    private static void execute(Connection connection, List<String> sql) throws SQLException {
        if (sql.isEmpty()) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            for (String s : sql) {
                statement.execute(s);
            }
        }
    }

    /** The guard's statement_timeout stopped the statement (57014 is also an operator's or a client's cancel). */
    static boolean isStatementTimeout(SQLException e) {
        return CANCELED_STATE.equals(e.getSQLState()) && String.valueOf(e.getMessage()).contains("statement timeout");
    }

    @Override
    public Optional<String> explain(Throwable failure) {
        for (Throwable t : Failures.causes(failure)) {
            if (t instanceof SQLException e && e.getSQLState() != null) {
                String message = String.valueOf(e.getMessage());
                if (lockTimeout != null && LOCK_STATE.equals(e.getSQLState()) && message.contains("lock timeout")) {
                    return Optional.of("The statement waited longer than brokle.migrate.postgres.lockTimeout="
                            + Durations.show(lockTimeout) + " (lock_timeout) for a lock another session holds, and "
                            + "was stopped so that it does not queue live traffic behind it. Find the holder in "
                            + "pg_locks / pg_stat_activity and retry when it is done, or raise the setting.");
                }
                if (statementTimeout != null && isStatementTimeout(e)) {
                    return Optional.of("The statement ran longer than brokle.migrate.postgres.statementTimeout="
                            + Durations.show(statementTimeout) + " (statement_timeout; x-statement-timeout in the URL "
                            + "sets the same) and was canceled. Raise the setting for this migration, or make the "
                            + "change in smaller steps.");
                }
            }
        }
        return Optional.empty();
    }
}
