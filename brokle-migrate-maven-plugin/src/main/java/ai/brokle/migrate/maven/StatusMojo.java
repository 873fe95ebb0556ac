package ai.brokle.migrate.maven;

import ai.brokle.migrate.config.MigrateConfig;
import ai.brokle.migrate.engine.DatasourceStatus;
import ai.brokle.migrate.engine.Health;
import ai.brokle.migrate.engine.Migrator;
import ai.brokle.migrate.engine.StatusJson;
import ai.brokle.migrate.engine.StatusReport;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

import javax.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Shows, per datasource, the current version, applied and pending migrations, drift, locks and an overall health
 * word: HEALTHY, PENDING, DIRTY, ERROR or NOT_CONFIGURED. Without {@code failOn} it fails only when a datasource is
 * in ERROR (unreachable, invalid files); {@code failOn=pending,dirty,drift} turns it into a release gate.
 */
@Mojo(name = "status", threadSafe = true, requiresProject = false)
public class StatusMojo extends AbstractMigrateMojo {

    /** {@code text} (default) or {@code json}: json also writes the document to {@code output}. */
    @Parameter(property = "brokle.migrate.format")
    String format;

    /** Where the json document goes (default {@code target/brokle-migrate/status.json}). */
    @Parameter(property = "brokle.migrate.output")
    String output;

    /** Comma-separated conditions that fail the build: {@code pending}, {@code dirty}, {@code drift}. */
    @Parameter(property = "brokle.migrate.failOn")
    String failOn;

    @Inject
    public StatusMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    protected void addParameters(Map<String, String> values) {
        values.put("format", format);
        values.put("output", output);
        values.put("failOn", failOn);
    }

    @Override
    protected void run(Migrator migrator, MigrateConfig config) throws MojoFailureException {
        StatusReport report = migrator.status();
        StatusRenderer.render(report, getLog());
        if (config.format().equals("json")) {
            Path file = config.output() != null ? config.output() : config.workDir().resolve("status.json");
            StatusJson.write(report, file);
            getLog().info("status written to " + file);
        }
        List<String> failures = new ArrayList<>();
        for (DatasourceStatus status : report.datasources()) {
            String tag = "[" + status.datasource() + "] ";
            if (status.health() == Health.ERROR) {
                failures.add(tag + String.join("; ", status.problems()));
            }
            if (config.failOn().contains("dirty") && status.dirty()) {
                failures.add(tag + "dirty at version " + status.currentVersion());
            }
            if (config.failOn().contains("pending") && !status.pending().isEmpty()) {
                failures.add(tag + status.pending().size() + " pending migration(s): run mvn brokle-migrate:up");
            }
            if (config.failOn().contains("drift") && status.drift()) {
                failures.add(tag + String.join("; ", status.problems()));
            }
        }
        if (!failures.isEmpty()) {
            throw new MojoFailureException("status gate failed (" + report.overall() + "):\n  " + String.join("\n  ",
                    failures));
        }
    }
}
