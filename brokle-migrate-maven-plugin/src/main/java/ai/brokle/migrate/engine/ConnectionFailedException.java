package ai.brokle.migrate.engine;

import ai.brokle.migrate.UserError;

/** The database cannot be reached or refuses the credentials. */
public class ConnectionFailedException extends UserError {

    public ConnectionFailedException(String message) {
        super(message);
    }
}
