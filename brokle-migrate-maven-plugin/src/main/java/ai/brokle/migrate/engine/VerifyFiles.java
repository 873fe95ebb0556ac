package ai.brokle.migrate.engine;

import ai.brokle.migrate.InternalFailure;
import ai.brokle.migrate.lint.report.JUnitXml;
import ai.brokle.migrate.schema.Difference;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

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
    private static final JsonFactory JSON_FACTORY = new JsonFactory();

    private VerifyFiles() {
    }

    static List<Path> write(Path dir, VerifyReport report) {
        try {
            Files.createDirectories(dir);
            Path xml = dir.resolve(XML);
            JUnitXml.write(xml, "brokle-migrate verify", junit(report));
            Path json = dir.resolve(JSON);
            json(json, report);
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

    private static void json(Path file, VerifyReport report) throws IOException {
        try (JsonGenerator json = JSON_FACTORY.createGenerator(file.toFile(), JsonEncoding.UTF8)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("summary", report.summary());
            json.writeBooleanField("failed", report.failed());
            json.writeArrayFieldStart("failOn");
            for (String severity : report.failOn().stream().map(s -> s.label()).sorted().toList()) {
                json.writeString(severity);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("cases");
            for (VerifyCase c : report.cases()) {
                json.writeStartObject();
                json.writeStringField("datasource", c.datasource());
                json.writeStringField("migration", c.migration());
                json.writeStringField("result",
                        !c.verified() ? "not verified" : c.severity().map(s -> s.label()).orElse("ok"));
                json.writeBooleanField("fails", report.fails(c));
                json.writeStringField("step", c.step());
                json.writeStringField("error", c.error());
                json.writeStringField("notVerified", c.notVerified());
                json.writeArrayFieldStart("differences");
                for (Difference d : c.differences()) {
                    json.writeStartObject();
                    json.writeStringField("severity", d.severity().label());
                    json.writeStringField("subject", d.subject());
                    json.writeStringField("message", d.message());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeNumberField("millis", c.millis());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }
}
