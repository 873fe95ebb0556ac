package ai.brokle.migrate.maven;

import ai.brokle.migrate.config.GoalOptions;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * A goal that changes a database and can destroy data: it asks {@code Type 'yes' to confirm}, or needs
 * {@code confirm=yes} in batch mode, and waits for another run's migration lock.
 */
public abstract class AbstractDestructiveMojo extends AbstractMigrateMojo {

    /** {@code yes} confirms a destructive change without a prompt (needed in batch mode, {@code -B}). */
    @Parameter(property = "brokle.migrate.confirm")
    String confirm;

    /** Seconds to wait for the migration lock another run holds, then fail; 0 fails at once (goals that lock). */
    @Parameter(property = "brokle.migrate.lockWaitSeconds", defaultValue = "" + GoalOptions.DEFAULT_LOCK_WAIT_SECONDS)
    Integer lockWaitSeconds;

    protected AbstractDestructiveMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    protected boolean confirmed(GoalOptions options) {
        return options.yes("confirm", confirm);
    }

    protected long lockWaitSeconds(GoalOptions options) {
        return options.seconds("lockWaitSeconds", lockWaitSeconds);
    }
}
