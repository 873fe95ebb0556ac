package ai.brokle.migrate.maven;

import ai.brokle.migrate.config.MigrateConfig;
import ai.brokle.migrate.engine.DatasourceStatus;
import ai.brokle.migrate.engine.Health;
import ai.brokle.migrate.engine.Migrator;
import ai.brokle.migrate.engine.StatusReport;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

import javax.inject.Inject;
import java.util.Map;

/**
 * Shows, per datasource, the current version, applied and pending migrations, and an overall health word:
 * HEALTHY, PENDING, DIRTY, ERROR or NOT_CONFIGURED. Fails only when a datasource is in ERROR.
 */
@Mojo(name = "status", threadSafe = true, requiresProject = false)
public class StatusMojo extends AbstractMigrateMojo {

    /** {@code text} (default) or {@code json}. */
    @Parameter(property = "brokle.migrate.format")
    String format;

    @Inject
    public StatusMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    protected void addParameters(Map<String, String> values) {
        values.put("format", format);
    }

    @Override
    protected void run(Migrator migrator, MigrateConfig config) throws MojoFailureException {
        StatusReport report = migrator.status();
        StatusRenderer.render(report, getLog());
        for (DatasourceStatus status : report.datasources()) {
            if (status.health() == Health.ERROR) {
                throw new MojoFailureException("[" + status.datasource() + "] " + String.join("; ", status.problems()));
            }
        }
    }
}
