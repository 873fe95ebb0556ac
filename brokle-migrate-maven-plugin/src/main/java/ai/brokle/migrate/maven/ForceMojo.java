package ai.brokle.migrate.maven;

import ai.brokle.migrate.config.MigrateConfig;
import ai.brokle.migrate.engine.Migrator;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

import javax.inject.Inject;
import java.util.Map;

/**
 * Declares one datasource to be at {@code version} (0 = nothing applied), clean, without running any SQL: the
 * recovery from a dirty database. Asks for confirmation.
 */
@Mojo(name = "force", threadSafe = true, requiresProject = false)
public class ForceMojo extends AbstractDestructiveMojo {

    /** The version to record. */
    @Parameter(property = "brokle.migrate.version")
    String version;

    @Inject
    public ForceMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    protected void addParameters(Map<String, String> values) {
        super.addParameters(values);
        values.put("version", version);
    }

    @Override
    protected void run(Migrator migrator, MigrateConfig config) {
        migrator.force();
    }
}
