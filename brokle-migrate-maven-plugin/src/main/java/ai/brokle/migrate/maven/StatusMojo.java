package ai.brokle.migrate.maven;

import ai.brokle.migrate.config.GoalOptions;
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
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Shows, per datasource, the current version, applied and pending migrations, drift, locks and an overall health
 * word: HEALTHY, PENDING, DIRTY, ERROR or NOT_CONFIGURED. Without {@code failOn} it fails only when a datasource is
 * in ERROR (unreachable, invalid files); {@code failOn=pending,dirty,drift} turns it into a release gate.
 */
@Mojo(name = "status", threadSafe = true, requiresProject = false)
public class StatusMojo extends AbstractMigrateMojo {

    /** {@code text} (default) or {@code json}: json also writes the document to {@code output}. */
    @Parameter(property = "brokle.migrate.format", defaultValue = "text")
    String format;

    /** Where the json document goes (default {@code target/brokle-migrate/status.json}). */
    @Parameter(property = "brokle.migrate.output")
    File output;

    /** Comma-separated conditions that fail the build: {@code pending}, {@code dirty}, {@code drift}. */
    @Parameter(property = "brokle.migrate.failOn")
    List<String> failOn;

    @Inject
    public StatusMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    protected void run(Migrator migrator, GoalOptions options) throws MojoFailureException {
        boolean json = options.oneOf("format", format, List.of("text", "json"), "text").equals("json");
        Path file = options.path("output", output);
        Set<String> gate = options.someOf("failOn", failOn, List.of("pending", "dirty", "drift"), List.of());
        StatusReport report = migrator.status();
        StatusRenderer.render(report, getLog());
        if (json) {
            file = file != null ? file : workDir().resolve("status.json");
            StatusJson.write(report, file);
            getLog().info("status written to " + file);
        }
        List<String> failures = new ArrayList<>();
        for (DatasourceStatus status : report.datasources()) {
            String tag = "[" + status.datasource() + "] ";
            if (status.health() == Health.ERROR) {
                failures.add(tag + String.join("; ", status.problems()));
            }
            if (gate.contains("dirty") && status.dirty()) {
                failures.add(tag + "dirty at version " + status.currentVersion());
            }
            if (gate.contains("pending") && !status.pending().isEmpty()) {
                failures.add(tag + status.pending().size() + " pending migration(s): run mvn brokle-migrate:up");
            }
            if (gate.contains("drift") && status.drift()) {
                failures.add(tag + String.join("; ", status.problems()));
            }
        }
        if (!failures.isEmpty()) {
            throw new MojoFailureException("status gate failed (" + report.overall() + "):\n  " + String.join("\n  ",
                    failures));
        }
    }
}
