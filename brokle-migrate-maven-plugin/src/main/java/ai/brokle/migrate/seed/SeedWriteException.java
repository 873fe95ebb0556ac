package ai.brokle.migrate.seed;

import ai.brokle.migrate.MigrateException;

/**
 * The database refused a seed row (a constraint, a trigger, a value only the server can check). The transaction was
 * rolled back, so nothing was written; the message names the row's file and line and the server's reason.
 */
public class SeedWriteException extends MigrateException {

    public SeedWriteException(String message, Throwable cause) {
        super(message, true, cause);
    }
}
