package ai.brokle.migrate.engine;

import ai.brokle.migrate.InternalFailure;
import ai.brokle.migrate.config.DatasourceConfig;
import ai.brokle.migrate.config.MigrateConfig;
import ai.brokle.migrate.dialect.Dialect;
import ai.brokle.migrate.dialect.Dialects;
import ai.brokle.migrate.lint.Finding;
import ai.brokle.migrate.lint.LintOptions;
import ai.brokle.migrate.lint.LintResult;
import ai.brokle.migrate.lint.LintSetupException;
import ai.brokle.migrate.lint.Linter;
import ai.brokle.migrate.lint.Rule;
import ai.brokle.migrate.lint.Severity;
import ai.brokle.migrate.lint.report.JUnitReport;
import ai.brokle.migrate.lint.report.JsonReport;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@code validate} goal: lints the migration directory of every selected datasource without connecting,
 * reports every finding, writes the JSON and JUnit XML reports, and fails when any finding is an error.
 */
final class Validation {

    static final String JSON_REPORT = "validate-report.json";
    static final String JUNIT_REPORT = "TEST-brokle-migrate-validate.xml";

    private final MigrateConfig config;
    private final Reporter reporter;
    private final LintOptions options;

    Validation(MigrateConfig config, Reporter reporter, LintOptions options) {
        this.config = config;
        this.reporter = reporter;
        this.options = options;
    }

    ValidationReport run() {
        Map<DatasourceConfig, Linter> linters = new LinkedHashMap<>();
        for (DatasourceConfig datasource : config.datasources()) {
            if (config.db().equals("all") && !Files.isDirectory(datasource.dir())) {
                reporter.info("[" + datasource.name() + "] no migration directory " + datasource.dir() + ", skipped");
                continue;
            }
            Dialect dialect = Dialects.of(datasource.name());
            linters.put(datasource, new Linter(datasource.name(), dialect.facts().syntax(),
                    dialect.facts().transactional(), dialect.lintRules(), config.baseDir(), options));
        }
        requireKnownIgnores(linters.values());
        List<LintResult> results = new ArrayList<>();
        linters.forEach((datasource, linter) -> results.add(report(linter.run(datasource.dir()))));
        ValidationReport report = new ValidationReport(results, config.workDir().resolve(JSON_REPORT),
                config.workDir().resolve(JUNIT_REPORT));
        try {
            JsonReport.write(report.jsonReport(), results);
            JUnitReport.write(report.junitReport(), results);
        } catch (IOException e) {
            throw new InternalFailure("Cannot write the validate reports under " + config.workDir() + ": "
                    + e.getMessage() + ". Check that the directory is writable.", e);
        }
        reporter.info("reports: " + report.jsonReport() + ", " + report.junitReport());
        if (report.errors() > 0) {
            throw new ValidationFailedException(report.errors() + " error(s) in the migrations:\n  "
                    + results.stream().flatMap(r -> r.findings().stream()).filter(f -> f.severity() == Severity.ERROR)
                    .map(Finding::render).collect(Collectors.joining("\n  "))
                    + "\nFix them, then run: mvn brokle-migrate:validate");
        }
        return report;
    }

    private LintResult report(LintResult result) {
        String tag = "[" + result.datasource() + "] ";
        result.explain().forEach(line -> reporter.info(line));
        for (Finding finding : result.findings()) {
            if (finding.severity() == Severity.ERROR) {
                reporter.error(tag + finding.render());
            } else {
                reporter.warn(tag + finding.render());
            }
        }
        reporter.info(tag + result.dir() + ": " + result.files().size() + " file(s), " + result.statements()
                + " statement(s): " + result.errors() + " error(s), " + result.warnings() + " warning(s)"
                + (result.suppressed() > 0 ? ", " + result.suppressed() + " suppressed" : "")
                + " (" + result.nanos() / 1_000_000 + " ms)");
        return result;
    }

    /** brokle.migrate.ignore must name warning rules that exist: a typo would silently ignore nothing. */
    private void requireKnownIgnores(Iterable<Linter> linters) {
        Map<String, Rule> rules = new LinkedHashMap<>();
        linters.forEach(l -> l.rules().forEach(r -> rules.putIfAbsent(r.id(), r)));
        for (String id : options.ignore()) {
            Rule rule = rules.get(id);
            if (rule == null) {
                throw new LintSetupException("brokle.migrate.ignore names " + id + ", which is not a rule. Use the "
                        + "ids validate prints, e.g. -Dbrokle.migrate.ignore=PG003,CH005; warning rules: "
                        + rules.values().stream().filter(r -> r.severity() == Severity.WARNING).map(Rule::id)
                        .collect(Collectors.joining(", ")));
            }
            if (rule.severity() == Severity.ERROR) {
                throw new LintSetupException("brokle.migrate.ignore names " + id + ", an error rule (" + rule.summary()
                        + "); errors cannot be ignored. Remove " + id + " from brokle.migrate.ignore and fix what it "
                        + "reports: " + rule.fix());
            }
        }
    }
}
