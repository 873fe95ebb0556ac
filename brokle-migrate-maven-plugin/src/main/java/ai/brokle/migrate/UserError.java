package ai.brokle.migrate;

/** A problem the user can fix: each subtype names what is wrong; the message ends with the fix. */
public abstract non-sealed class UserError extends MigrateException {

    protected UserError(String message) {
        super(message, null);
    }

    protected UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
