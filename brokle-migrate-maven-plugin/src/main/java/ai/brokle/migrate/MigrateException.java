package ai.brokle.migrate;

/**
 * Base of every error the plugin reports. The message names what is wrong (file, line, parameter) and ends with the
 * fix. There are two kinds: a {@link UserError} is a problem the user can fix (bad files, bad configuration, refused
 * confirmations, failed migrations); an {@link InternalFailure} is a bug or an unexpected database, driver or file
 * system failure.
 */
public abstract sealed class MigrateException extends RuntimeException permits UserError, InternalFailure {

    MigrateException(String message, Throwable cause) {
        super(message, cause);
    }
}
