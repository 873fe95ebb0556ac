package ai.brokle.migrate.engine;

import ai.brokle.migrate.lint.LintResult;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code validate} found on every selected datasource, and where the reports are.
 *
 * @param jsonReport  {@code target/brokle-migrate/validate-report.json}
 * @param junitReport {@code target/brokle-migrate/TEST-brokle-migrate-validate.xml}
 */
public record ValidationReport(List<LintResult> results, Path jsonReport, Path junitReport) {

    public long errors() {
        return results.stream().mapToLong(LintResult::errors).sum();
    }

    public long warnings() {
        return results.stream().mapToLong(LintResult::warnings).sum();
    }

    /** Time spent checking files (the engine's part), without writing the reports. */
    public long nanos() {
        return results.stream().mapToLong(LintResult::nanos).sum();
    }
}
