package ai.brokle.migrate.engine;

import ai.brokle.migrate.MigrateException;

/** A previous migration failed half-way; nothing runs until the user repairs the database and forces the version. */
public class DirtyDatabaseException extends MigrateException {

    DirtyDatabaseException(String explanation) {
        super(explanation);
    }
}
