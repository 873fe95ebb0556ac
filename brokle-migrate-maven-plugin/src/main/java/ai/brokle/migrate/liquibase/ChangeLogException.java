package ai.brokle.migrate.liquibase;

/** Liquibase could not read or write this datasource's DATABASECHANGELOG; carries the database's own message. */
public class ChangeLogException extends Exception {

    public ChangeLogException(Throwable cause) {
        super(cause.getMessage(), cause);
    }
}
