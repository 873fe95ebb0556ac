package ai.brokle.migrate.maven;

import ai.brokle.migrate.config.GoalOptions;
import ai.brokle.migrate.engine.Migrator;
import ai.brokle.migrate.engine.ValidationReport;
import ai.brokle.migrate.lint.LintOptions;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;

import javax.inject.Inject;
import java.util.List;

/**
 * Checks the migration files without a database: naming and pairing, versions, encoding, how each file splits, and
 * the PostgreSQL and ClickHouse rules. Errors fail the build; warnings do not. Reports go to
 * {@code target/brokle-migrate/}. Bound to the {@code validate} phase by default.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true, requiresProject = false)
public class ValidateMojo extends AbstractMigrateMojo {

    /** Print every statement of every file with its line: how the files split. */
    @Parameter(property = "brokle.migrate.explain", defaultValue = "false")
    boolean explain;

    /** A git ref (e.g. {@code origin/main}): also check files added below an existing version, and edited files. */
    @Parameter(property = "brokle.migrate.since")
    String since;

    /** Warning rule ids to suppress everywhere, e.g. {@code PG003,CH005}. */
    @Parameter(property = "brokle.migrate.ignore")
    List<String> ignore;

    @Inject
    public ValidateMojo(SettingsDecrypter decrypter) {
        super(decrypter);
    }

    @Override
    protected void run(Migrator migrator, GoalOptions options) {
        ValidationReport report = migrator.validate(new LintOptions(options.flag("explain", explain),
                options.text("since", since), options.ruleIds("ignore", ignore)));
        getLog().info("validate: " + report.errors() + " error(s), " + report.warnings() + " warning(s)");
    }
}
