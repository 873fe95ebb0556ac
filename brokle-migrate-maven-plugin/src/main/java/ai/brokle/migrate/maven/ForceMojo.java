package ai.brokle.migrate.maven;

import ai.brokle.migrate.config.GoalOptions;
import ai.brokle.migrate.engine.ForceRequest;
import ai.brokle.migrate.engine.Migrator;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

import javax.inject.Inject;

/**
 * Declares one datasource to be at {@code version} (0 = nothing applied), clean, without running any SQL: the
 * recovery from a dirty database. Asks for confirmation.
 */
@Mojo(name = "force", threadSafe = true, requiresProject = false)
public class ForceMojo extends AbstractDryRunMojo {

    /** The version to record. */
    @Parameter(property = "brokle.migrate.version")
    Long version;

    @Inject
    public ForceMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    protected void run(Migrator migrator, GoalOptions options) {
        migrator.force(new ForceRequest(options.version("version", version), dryRun(options), confirmed(options),
                lockWaitSeconds(options)));
    }
}
