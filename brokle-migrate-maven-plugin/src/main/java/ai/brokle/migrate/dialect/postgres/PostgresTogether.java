package ai.brokle.migrate.dialect.postgres;

import ai.brokle.migrate.Failures;
import ai.brokle.migrate.sql.SqlStatement;

import java.sql.SQLException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * When a transactional migration's statements go to PostgreSQL as one request, and when a failure of that request may
 * be reproduced by running them again to name the statement.
 */
final class PostgresTogether {

    /**
     * pgjdbc stops splitting a multi-statement string after a SQL-standard function body (BEGIN ATOMIC), so such a
     * body goes together with others only as the last statement. A false match (in a string) only costs round trips.
     */
    private static final Pattern BEGIN_ATOMIC = Pattern.compile("(?i)\\bbegin\\s+atomic\\b");

    private PostgresTogether() {
    }

    static boolean sendsTogether(List<SqlStatement> statements) {
        return statements.size() > 1 && statements.subList(0, statements.size() - 1).stream()
                .noneMatch(statement -> BEGIN_ATOMIC.matcher(statement.sql()).find());
    }

    /**
     * False when the session is gone (class 08, server shutdown 57P), the server ran out of resources (class 53), or
     * an operator cancelled the statement (57014 other than statement_timeout): running the statements again would
     * fail for another reason, or redo what someone stopped on purpose. A guard's timeout is reproduced within the
     * same limit.
     */
    static boolean runsAgainToFindStatement(Throwable failure) {
        for (Throwable cause : Failures.causes(failure)) {
            if (cause instanceof SQLException e && e.getSQLState() != null) {
                String state = e.getSQLState();
                boolean cancelled = state.equals("57014") && !PostgresGuard.isStatementTimeout(e);
                return !(state.startsWith("08") || state.startsWith("57P") || state.startsWith("53") || cancelled);
            }
        }
        return true;
    }
}
