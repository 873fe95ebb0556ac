package ai.brokle.migrate.maven;

import ai.brokle.migrate.config.GoalOptions;
import ai.brokle.migrate.engine.DownRequest;
import ai.brokle.migrate.engine.Migrator;
import ai.brokle.migrate.engine.RunResult;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

import javax.inject.Inject;

/**
 * Rolls back the last migration (or {@code steps}): ClickHouse, then PostgreSQL. Destructive: asks
 * {@code Type 'yes' to confirm}; in batch mode it refuses unless {@code -Dbrokle.migrate.confirm=yes}.
 */
@Mojo(name = "down", threadSafe = true, requiresProject = false)
public class DownMojo extends AbstractDryRunMojo {

    /** Roll back this many migrations (default 1; -1 means 1, as the Go CLI's {@code -steps -1}). */
    @Parameter(property = "brokle.migrate.steps")
    Integer steps;

    @Inject
    public DownMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    protected void run(Migrator migrator, GoalOptions options) {
        RunResult result = migrator.down(new DownRequest(options.wholeNumber("steps", steps), dryRun(options),
                confirmed(options), lockWaitSeconds(options)));
        if (result.dryRun()) {
            getLog().info("dry run: " + result.migrations().size() + " migration(s) would be rolled back; nothing "
                    + "changed");
        } else if (result.noChange()) {
            getLog().info("no change");
        } else {
            getLog().info("rolled back " + result.migrations().size() + " migration(s)");
        }
    }
}
