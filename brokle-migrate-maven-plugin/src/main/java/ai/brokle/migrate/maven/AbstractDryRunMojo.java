package ai.brokle.migrate.maven;

import ai.brokle.migrate.config.GoalOptions;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/** A goal that plans its change first, so a dry run can print the plan instead. */
public abstract class AbstractDryRunMojo extends AbstractDestructiveMojo {

    /** Print what would run (the SQL, bookkeeping included, or the seed plan) and change nothing. */
    @Parameter(property = "brokle.migrate.dryRun", defaultValue = "false")
    boolean dryRun;

    protected AbstractDryRunMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    protected boolean dryRun(GoalOptions options) {
        return options.flag("dryRun", dryRun);
    }
}
