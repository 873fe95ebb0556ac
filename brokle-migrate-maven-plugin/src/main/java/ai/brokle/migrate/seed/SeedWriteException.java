package ai.brokle.migrate.seed;

import ai.brokle.migrate.UserError;

/**
 * The database refused a seed row (a constraint, a trigger, a value only the server can check). The transaction was
 * rolled back, so nothing was written; the message names the row's file and line and the server's reason.
 */
public class SeedWriteException extends UserError {

    public SeedWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
