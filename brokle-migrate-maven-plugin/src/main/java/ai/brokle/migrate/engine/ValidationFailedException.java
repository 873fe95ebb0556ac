package ai.brokle.migrate.engine;

import ai.brokle.migrate.UserError;

/** {@code validate} found errors: the build fails (a user error), after every finding was reported. */
public class ValidationFailedException extends UserError {

    public ValidationFailedException(String message) {
        super(message);
    }
}
