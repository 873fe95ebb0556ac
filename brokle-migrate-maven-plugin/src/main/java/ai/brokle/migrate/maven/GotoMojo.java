package ai.brokle.migrate.maven;

import ai.brokle.migrate.config.MigrateConfig;
import ai.brokle.migrate.engine.Migrator;
import ai.brokle.migrate.engine.RunResult;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

import javax.inject.Inject;
import java.util.Map;

/**
 * Moves one datasource to exactly {@code version} (an existing version, or 0) by the list of migrations. Moving down
 * is destructive and asks for confirmation.
 */
@Mojo(name = "goto", threadSafe = true, requiresProject = false)
public class GotoMojo extends AbstractDestructiveMojo {

    /** The target version. */
    @Parameter(property = "brokle.migrate.version")
    String version;

    /** Print the SQL that would run and change nothing. */
    @Parameter(property = "brokle.migrate.dryRun")
    String dryRun;

    @Inject
    public GotoMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    protected void addParameters(Map<String, String> values) {
        super.addParameters(values);
        values.put("version", version);
        values.put("dryRun", dryRun);
    }

    @Override
    protected void run(Migrator migrator, MigrateConfig config) {
        RunResult result = migrator.goTo();
        getLog().info(result.noChange() ? "no change" : "moved through " + result.migrations().size()
                + " migration(s) to version " + config.version() + (result.dryRun() ? " (dry run: nothing changed)" : ""));
    }
}
