package ai.brokle.migrate.engine;

import ai.brokle.migrate.InternalFailure;
import ai.brokle.migrate.lint.report.JUnitXml;
import ai.brokle.migrate.schema.Difference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes verify's results where CI systems look: JUnit XML ({@code TEST-brokle-migrate-verify.xml}, one test suite
 * per datasource, one test case per migration) and {@code verify.json}, both under {@code target/brokle-migrate/}.
 * A finding that fails the build is a JUnit failure, others are logged in the case's output; a migration that could
 * not be verified is skipped.
 */
final class VerifyFiles {

    static final String XML = "TEST-brokle-migrate-verify.xml";
    static final String JSON = "verify.json";

    private VerifyFiles() {
    }

    static List<Path> write(Path dir, VerifyReport report) {
        try {
            Files.createDirectories(dir);
            Path xml = dir.resolve(XML);
            JUnitXml.write(xml, "brokle-migrate verify", junit(report));
            Path json = dir.resolve(JSON);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), json(report));
            return List.of(xml, json);
        } catch (IOException e) {
            throw new InternalFailure("verify could not write its report to " + dir + ": " + e.getMessage()
                    + ". Check that the directory is writable.", e);
        }
    }

    private static List<JUnitXml.Suite> junit(VerifyReport report) {
        Map<String, List<VerifyCase>> byDatasource = new LinkedHashMap<>();
        report.cases().forEach(c -> byDatasource.computeIfAbsent(c.datasource(), k -> new ArrayList<>()).add(c));
        List<JUnitXml.Suite> suites = new ArrayList<>();
        byDatasource.forEach((datasource, cases) -> {
            String name = "brokle-migrate.verify." + datasource;
            suites.add(new JUnitXml.Suite(name, cases.stream().mapToLong(VerifyCase::millis).sum() / 1000.0,
                    cases.stream().map(c -> junitCase(name, report, c)).toList()));
        });
        return suites;
    }

    private static JUnitXml.Case junitCase(String classname, VerifyReport report, VerifyCase c) {
        String detail = String.join("\n", c.lines());
        List<JUnitXml.Failure> failures = List.of();
        if (c.verified() && report.fails(c)) {
            String severity = c.severity().orElseThrow().label();
            failures = List.of(new JUnitXml.Failure(severity,
                    severity + (c.step() == null ? "" : " (" + c.step() + " failed)"), detail));
        }
        String output = c.verified() && !report.fails(c) && c.severity().isPresent() ? detail : null;
        return new JUnitXml.Case(classname, c.migration(), c.millis() / 1000.0, c.notVerified(), failures, output);
    }

    private static Map<String, Object> json(VerifyReport report) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("summary", report.summary());
        root.put("failed", report.failed());
        root.put("failOn", report.failOn().stream().map(s -> s.label()).sorted().toList());
        List<Map<String, Object>> cases = new ArrayList<>();
        for (VerifyCase c : report.cases()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("datasource", c.datasource());
            one.put("migration", c.migration());
            one.put("result", !c.verified() ? "not verified" : c.severity().map(s -> s.label()).orElse("ok"));
            one.put("fails", report.fails(c));
            one.put("step", c.step());
            one.put("error", c.error());
            one.put("notVerified", c.notVerified());
            List<Map<String, String>> differences = new ArrayList<>();
            for (Difference d : c.differences()) {
                differences.add(Map.of("severity", d.severity().label(), "subject", d.subject(),
                        "message", d.message()));
            }
            one.put("differences", differences);
            one.put("millis", c.millis());
            cases.add(one);
        }
        root.put("cases", cases);
        return root;
    }
}
