package ai.brokle.migrate.engine;

import ai.brokle.migrate.UserError;

/**
 * A goal cannot run as asked on these files and this database state (drift, a missing file, a state that moved, a
 * statement that breaks the migration's transaction); nothing was changed. The message says why and what to do.
 */
public class GoalRefusedException extends UserError {

    GoalRefusedException(String message) {
        super(message);
    }
}
