package ai.brokle.migrate.maven;

import ai.brokle.migrate.config.GoalOptions;
import ai.brokle.migrate.engine.Migrator;
import ai.brokle.migrate.engine.VerifyReport;
import ai.brokle.migrate.engine.VerifyRequest;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

import javax.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * Proves that every down migration undoes its up, on a scratch database (never the configured one): up, down,
 * schema compared with the one before, up again; then all undone. Reports in the log and as JUnit XML and JSON
 * under {@code target/brokle-migrate/}. Bound to the {@code verify} phase by default.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresProject = false)
public class VerifyMojo extends AbstractMigrateMojo {

    /** Findings that fail the build: {@code error}, {@code changed}, {@code cosmetic}, or {@code none}. */
    @Parameter(property = "brokle.migrate.verifyFailOn", defaultValue = "error,changed")
    List<String> verifyFailOn;

    @Inject
    public VerifyMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    protected void run(Migrator migrator, GoalOptions options) throws MojoFailureException {
        Set<String> failOn = options.someOf("verifyFailOn", verifyFailOn, VerifyRequest.SEVERITIES,
                VerifyRequest.FAILING_BY_DEFAULT);
        VerifyReport report = migrator.verify(VerifyRequest.of(failOn), Clock.systemUTC());
        report.files().forEach(file -> getLog().info("report: " + file));
        if (report.failed()) {
            throw new MojoFailureException("verify failed: " + report.summary() + " (failing on "
                    + String.join(",", failOn) + "). Fix the down migrations listed above so each "
                    + "restores the schema its up changed, or choose what fails the build, e.g. "
                    + "-Dbrokle.migrate.verifyFailOn=error");
        }
    }
}
