package ai.brokle.migrate.engine;

import ai.brokle.migrate.MigrateException;

/** {@code unlock} refused: the holder is alive on this host, or the command did not name the holder's id. */
public class LockNotRemovableException extends MigrateException {

    public LockNotRemovableException(String message) {
        super(message);
    }
}
