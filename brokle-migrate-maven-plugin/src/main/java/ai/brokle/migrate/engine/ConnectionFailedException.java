package ai.brokle.migrate.engine;

import ai.brokle.migrate.MigrateException;

/** The database cannot be reached or refuses the credentials. */
public class ConnectionFailedException extends MigrateException {

    public ConnectionFailedException(String message) {
        super(message, true, null);
    }
}
