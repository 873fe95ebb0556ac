package ai.brokle.migrate.engine;

import ai.brokle.migrate.UserError;

/** The database refused what a goal asked (privileges, dependent objects); the message carries its reason. */
public class DatabaseRefusedException extends UserError {

    DatabaseRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
