package ai.brokle.migrate.engine;

import ai.brokle.migrate.UserError;

/** A previous migration failed half-way; nothing runs until the user repairs the database and forces the version. */
public class DirtyDatabaseException extends UserError {

    DirtyDatabaseException(String explanation) {
        super(explanation);
    }
}
