package ai.brokle.migrate.maven;

import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/** A goal that applies pending migrations (up, goto upward): it first checks the applied files and the order. */
public abstract class AbstractApplyMojo extends AbstractDryRunMojo {

    /** Also apply pending migrations older than the newest applied one (by default a refusal). */
    @Parameter(property = "brokle.migrate.outOfOrder", defaultValue = "false")
    boolean outOfOrder;

    /** Apply even though applied migration files were edited or deleted (by default a refusal). */
    @Parameter(property = "brokle.migrate.ignoreDrift", defaultValue = "false")
    boolean ignoreDrift;

    protected AbstractApplyMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }
}
