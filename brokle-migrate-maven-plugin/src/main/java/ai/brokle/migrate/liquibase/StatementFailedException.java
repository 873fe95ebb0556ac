package ai.brokle.migrate.liquibase;

import ai.brokle.migrate.sql.SqlStatement;

/**
 * A statement of a migration failed on the database; carries the statement (null when the statements were sent as
 * one request and it is not known yet) and the database's own message.
 */
public class StatementFailedException extends Exception {

    private final transient SqlStatement statement;

    public StatementFailedException(SqlStatement statement, String databaseMessage, Throwable cause) {
        super(databaseMessage, cause);
        this.statement = statement;
    }

    public SqlStatement statement() {
        return statement;
    }
}
