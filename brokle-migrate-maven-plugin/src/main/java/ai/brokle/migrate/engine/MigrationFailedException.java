package ai.brokle.migrate.engine;

import ai.brokle.migrate.UserError;

/** A migration's statement failed. Names the file, the statement and the database error; ends with the recovery. */
public class MigrationFailedException extends UserError {

    private final String migrationId;
    private final int statementNumber;

    public MigrationFailedException(String message, String migrationId, int statementNumber) {
        super(message);
        this.migrationId = migrationId;
        this.statementNumber = statementNumber;
    }

    public String migrationId() {
        return migrationId;
    }

    /** The failing statement's 1-based number in its file; 0 when it could not be identified. */
    public int statementNumber() {
        return statementNumber;
    }
}
