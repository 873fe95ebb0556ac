package ai.brokle.migrate;

/**
 * A failure the user did not cause: an unexpected database, driver or file system error, or a bug. The message says
 * what was being done and what failed.
 */
public final class InternalFailure extends MigrateException {

    public InternalFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
