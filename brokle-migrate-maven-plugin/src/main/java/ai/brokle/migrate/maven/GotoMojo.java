package ai.brokle.migrate.maven;

import ai.brokle.migrate.config.GoalOptions;
import ai.brokle.migrate.engine.GotoRequest;
import ai.brokle.migrate.engine.Migrator;
import ai.brokle.migrate.engine.RunResult;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

import javax.inject.Inject;

/**
 * Moves one datasource to exactly {@code version} (an existing version, or 0) by the list of migrations. Moving down
 * is destructive and asks for confirmation.
 */
@Mojo(name = "goto", threadSafe = true, requiresProject = false)
public class GotoMojo extends AbstractApplyMojo {

    /** The target version. */
    @Parameter(property = "brokle.migrate.version")
    Long version;

    @Inject
    public GotoMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    protected void run(Migrator migrator, GoalOptions options) {
        GotoRequest request = new GotoRequest(options.version("version", version), dryRun(options),
                options.flag("outOfOrder", outOfOrder), options.flag("ignoreDrift", ignoreDrift), confirmed(options),
                lockWaitSeconds(options));
        RunResult result = migrator.goTo(request);
        getLog().info(result.noChange() ? "no change" : "moved through " + result.migrations().size()
                + " migration(s) to version " + request.version()
                + (result.dryRun() ? " (dry run: nothing changed)" : ""));
    }
}
