package ai.brokle.migrate.engine;

import ai.brokle.migrate.UserError;

/** {@code validate} found errors: the build fails (a user error), after every finding was reported. */
public class ValidationFailedException extends UserError {

    private final transient ValidationReport report;

    public ValidationFailedException(String message, ValidationReport report) {
        super(message);
        this.report = report;
    }

    public ValidationReport report() {
        return report;
    }
}
