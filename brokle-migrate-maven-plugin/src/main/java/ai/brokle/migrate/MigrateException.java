package ai.brokle.migrate;

/**
 * Base of every error the plugin reports. The message names what is wrong (file, line, parameter) and ends with the
 * fix. {@link #isUserError()} separates problems the user can fix (bad files, bad configuration, refused
 * confirmations, failed migrations) from internal failures.
 */
public class MigrateException extends RuntimeException {

    private final boolean userError;

    public MigrateException(String message, boolean userError, Throwable cause) {
        super(message, cause);
        this.userError = userError;
    }

    public MigrateException(String message) {
        this(message, true, null);
    }

    public boolean isUserError() {
        return userError;
    }
}
