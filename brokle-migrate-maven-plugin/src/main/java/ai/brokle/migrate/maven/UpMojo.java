package ai.brokle.migrate.maven;

import ai.brokle.migrate.config.MigrateConfig;
import ai.brokle.migrate.engine.Migrator;
import ai.brokle.migrate.engine.RunResult;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

import javax.inject.Inject;
import java.util.Map;

/** Applies pending migrations in order: PostgreSQL, then ClickHouse. Nothing pending is a success. */
@Mojo(name = "up", threadSafe = true, requiresProject = false)
public class UpMojo extends AbstractMigrateMojo {

    /** Apply at most this many migrations (default: all pending). */
    @Parameter(property = "brokle.migrate.steps")
    String steps;

    /** Print the SQL that would run, bookkeeping included, and change nothing. */
    @Parameter(property = "brokle.migrate.dryRun")
    String dryRun;

    @Inject
    public UpMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    protected void addParameters(Map<String, String> values) {
        values.put("steps", steps);
        values.put("dryRun", dryRun);
    }

    @Override
    protected void run(Migrator migrator, MigrateConfig config) {
        RunResult result = migrator.up();
        if (result.dryRun()) {
            getLog().info("dry run: " + result.migrations().size() + " migration(s) would be applied; nothing changed");
        } else if (result.noChange()) {
            getLog().info("no change");
        } else {
            getLog().info("applied " + result.migrations().size() + " migration(s)");
        }
    }
}
