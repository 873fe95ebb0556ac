package ai.brokle.migrate.lint.report;

import ai.brokle.migrate.lint.Finding;
import ai.brokle.migrate.lint.LintResult;
import ai.brokle.migrate.lint.Rule;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code validate}'s JSON report: totals, each datasource's findings, and the rules that ran. Written with Jackson's
 * streaming generator: a pre-commit hook pays for no object mapper.
 */
public final class JsonReport {

    private static final JsonFactory JSON = new JsonFactory();

    private JsonReport() {
    }

    public static void write(Path file, List<LintResult> results) throws IOException {
        Files.createDirectories(file.getParent());
        try (JsonGenerator json = JSON.createGenerator(file.toFile(), JsonEncoding.UTF8)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("tool", "brokle-migrate:validate");
            json.writeNumberField("errors", results.stream().mapToLong(LintResult::errors).sum());
            json.writeNumberField("warnings", results.stream().mapToLong(LintResult::warnings).sum());
            json.writeArrayFieldStart("datasources");
            Map<String, Rule> rules = new LinkedHashMap<>();
            for (LintResult result : results) {
                datasource(json, result);
                result.rules().forEach(r -> rules.putIfAbsent(r.id(), r));
            }
            json.writeEndArray();
            json.writeArrayFieldStart("rules");
            for (Rule r : rules.values()) {
                json.writeStartObject();
                json.writeStringField("id", r.id());
                json.writeStringField("severity", r.severity().label());
                json.writeStringField("summary", r.summary());
                json.writeStringField("fix", r.fix());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    private static void datasource(JsonGenerator json, LintResult result) throws IOException {
        json.writeStartObject();
        json.writeStringField("datasource", result.datasource());
        json.writeStringField("dir", result.dir().toString());
        json.writeNumberField("files", result.files().size());
        json.writeNumberField("statements", result.statements());
        json.writeNumberField("errors", result.errors());
        json.writeNumberField("warnings", result.warnings());
        json.writeNumberField("suppressed", result.suppressed());
        json.writeArrayFieldStart("findings");
        for (Finding f : result.findings()) {
            json.writeStartObject();
            json.writeStringField("rule", f.ruleId());
            json.writeStringField("severity", f.severity().label());
            json.writeStringField("file", f.file().toString());
            json.writeNumberField("line", f.line());
            json.writeStringField("message", f.message());
            json.writeStringField("fix", f.fix());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }
}
