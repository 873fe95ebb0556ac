package ai.brokle.migrate.engine;

import ai.brokle.migrate.UserError;

/** A destructive goal was not confirmed; nothing was changed. */
public class ConfirmationRefusedException extends UserError {

    public ConfirmationRefusedException(String message) {
        super(message);
    }
}
