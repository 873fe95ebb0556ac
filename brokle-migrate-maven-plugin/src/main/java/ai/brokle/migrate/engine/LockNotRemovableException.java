package ai.brokle.migrate.engine;

import ai.brokle.migrate.UserError;

/** {@code unlock} refused: the holder is alive on this host, or the command did not name the holder's id. */
public class LockNotRemovableException extends UserError {

    public LockNotRemovableException(String message) {
        super(message);
    }
}
