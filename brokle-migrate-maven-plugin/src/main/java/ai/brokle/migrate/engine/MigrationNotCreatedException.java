package ai.brokle.migrate.engine;

import ai.brokle.migrate.UserError;

/** {@code create} cannot write the new migration pair: the name is taken, a file exists or cannot be written. */
public class MigrationNotCreatedException extends UserError {

    MigrationNotCreatedException(String message) {
        super(message);
    }
}
