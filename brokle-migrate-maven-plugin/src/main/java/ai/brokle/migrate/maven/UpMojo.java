package ai.brokle.migrate.maven;

import ai.brokle.migrate.config.GoalOptions;
import ai.brokle.migrate.engine.Migrator;
import ai.brokle.migrate.engine.RunResult;
import ai.brokle.migrate.engine.UpRequest;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

import javax.inject.Inject;

/** Applies pending migrations in order: PostgreSQL, then ClickHouse. Nothing pending is a success. */
@Mojo(name = "up", threadSafe = true, requiresProject = false)
public class UpMojo extends AbstractApplyMojo {

    /** Apply at most this many migrations (default: all pending). */
    @Parameter(property = "brokle.migrate.steps")
    Integer steps;

    @Inject
    public UpMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    protected void run(Migrator migrator, GoalOptions options) {
        RunResult result = migrator.up(new UpRequest(options.wholeNumber("steps", steps), dryRun(options),
                options.flag("outOfOrder", outOfOrder), options.flag("ignoreDrift", ignoreDrift),
                lockWaitSeconds(options)));
        if (result.dryRun()) {
            getLog().info("dry run: " + result.migrations().size() + " migration(s) would be applied; nothing changed");
        } else if (result.noChange()) {
            getLog().info("no change");
        } else {
            getLog().info("applied " + result.migrations().size() + " migration(s)");
        }
    }
}
