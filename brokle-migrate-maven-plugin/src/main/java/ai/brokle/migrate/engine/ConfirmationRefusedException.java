package ai.brokle.migrate.engine;

import ai.brokle.migrate.MigrateException;

/** A destructive goal was not confirmed; nothing was changed. */
public class ConfirmationRefusedException extends MigrateException {

    public ConfirmationRefusedException(String message) {
        super(message);
    }
}
