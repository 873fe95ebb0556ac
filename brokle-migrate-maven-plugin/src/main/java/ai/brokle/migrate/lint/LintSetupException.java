package ai.brokle.migrate.lint;

import ai.brokle.migrate.UserError;

/** {@code validate} cannot run as asked (no git repository, an unknown ref, an unknown rule id). */
public class LintSetupException extends UserError {

    public LintSetupException(String message) {
        super(message);
    }
}
