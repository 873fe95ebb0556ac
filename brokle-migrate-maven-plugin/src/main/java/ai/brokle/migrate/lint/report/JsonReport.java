package ai.brokle.migrate.lint.report;

import ai.brokle.migrate.lint.Finding;
import ai.brokle.migrate.lint.LintResult;
import ai.brokle.migrate.lint.Rule;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code validate}'s JSON report: totals, each datasource's findings, and the rules that ran. */
public final class JsonReport {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    public static void write(Path file, List<LintResult> results) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("tool", "brokle-migrate:validate");
        root.put("errors", results.stream().mapToLong(LintResult::errors).sum());
        root.put("warnings", results.stream().mapToLong(LintResult::warnings).sum());
        ArrayNode datasources = root.putArray("datasources");
        Map<String, Rule> rules = new LinkedHashMap<>();
        for (LintResult result : results) {
            ObjectNode node = datasources.addObject();
            node.put("datasource", result.datasource());
            node.put("dir", result.dir().toString());
            node.put("files", result.files().size());
            node.put("statements", result.statements());
            node.put("errors", result.errors());
            node.put("warnings", result.warnings());
            node.put("suppressed", result.suppressed());
            ArrayNode findings = node.putArray("findings");
            for (Finding f : result.findings()) {
                ObjectNode finding = findings.addObject();
                finding.put("rule", f.ruleId());
                finding.put("severity", f.severity().label());
                finding.put("file", f.file().toString());
                finding.put("line", f.line());
                finding.put("message", f.message());
                finding.put("fix", f.fix());
            }
            result.rules().forEach(r -> rules.putIfAbsent(r.id(), r));
        }
        ArrayNode ruleList = root.putArray("rules");
        rules.values().forEach(r -> ruleList.addObject().put("id", r.id()).put("severity", r.severity().label())
                .put("summary", r.summary()).put("fix", r.fix()));
        Files.createDirectories(file.getParent());
        MAPPER.writeValue(file.toFile(), root);
    }
}
