package ai.brokle.migrate.dialect;

import ai.brokle.migrate.UserError;

/** The embedded server cannot start in its data directory (in use by another build, or damaged). */
public class EmbeddedStartFailedException extends UserError {

    public EmbeddedStartFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
