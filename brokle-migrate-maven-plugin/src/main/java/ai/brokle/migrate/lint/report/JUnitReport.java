package ai.brokle.migrate.lint.report;

import ai.brokle.migrate.lint.Finding;
import ai.brokle.migrate.lint.LintResult;
import ai.brokle.migrate.lint.Severity;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * {@code validate}'s JUnit XML report, for CI test views: one test suite per datasource, one test case per file;
 * each error is a failure of its file's case, warnings are the case's output.
 */
public final class JUnitReport {

    private JUnitReport() {
    }

    public static void write(Path file, List<LintResult> results) throws IOException {
        JUnitXml.write(file, "brokle-migrate:validate", results.stream().map(JUnitReport::suite).toList());
    }

    private static JUnitXml.Suite suite(LintResult result) {
        Map<Path, List<Finding>> byFile = result.findings().stream().collect(Collectors.groupingBy(Finding::file));
        TreeSet<Path> files = new TreeSet<>(result.files());
        files.addAll(byFile.keySet());
        String name = "validate." + result.datasource();
        List<JUnitXml.Case> cases = files.stream().map(file -> {
            List<Finding> findings = byFile.getOrDefault(file, List.of());
            List<JUnitXml.Failure> failures = findings.stream().filter(f -> f.severity() == Severity.ERROR)
                    .map(f -> new JUnitXml.Failure(f.ruleId(), f.location() + ": " + f.ruleId() + " " + f.message(),
                            f.render())).toList();
            String warnings = findings.stream().filter(f -> f.severity() == Severity.WARNING).map(Finding::render)
                    .collect(Collectors.joining("\n"));
            return new JUnitXml.Case(name, file.toString(), null, null, failures, warnings.isEmpty() ? null : warnings);
        }).toList();
        return new JUnitXml.Suite(name, result.nanos() / 1e9, cases);
    }
}
