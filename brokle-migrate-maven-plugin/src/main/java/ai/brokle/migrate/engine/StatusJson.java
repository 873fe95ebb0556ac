package ai.brokle.migrate.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The status document for pipelines ({@code format=json}), written with Jackson:
 * <pre>
 * { "overall": "HEALTHY", "generatedAt": "...",
 *   "datasources": [ { "name", "health", "url", "dir", "version", "dirty", "drift", "applied",
 *                      "pending": [ids], "problems": [sentences], "locks": [holders] } ] }
 * </pre>
 */
public final class StatusJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Indented objects, {@code "key": value}, arrays on one line: {@code ["a", "b"]}, {@code []}. */
    private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER).withArrayValueSpacing(Separators.Spacing.AFTER)
            .withArrayEmptySeparator("")).withArrayIndenter(DefaultPrettyPrinter.NopIndenter.instance));

    private StatusJson() {
    }

    public static String render(StatusReport report) {
        ObjectNode root = MAPPER.createObjectNode()
                .put("overall", report.overall().name())
                .put("generatedAt", Instant.now().toString());
        ArrayNode datasources = root.putArray("datasources");
        for (DatasourceStatus s : report.datasources()) {
            ObjectNode d = datasources.addObject()
                    .put("name", s.datasource())
                    .put("health", s.health().name())
                    .put("url", s.url())
                    .put("dir", s.dir())
                    .put("version", s.currentVersion())
                    .put("dirty", s.dirty())
                    .put("drift", s.drift())
                    .put("applied", s.applied());
            strings(d.putArray("pending"), s.pending());
            strings(d.putArray("problems"), s.problems());
            strings(d.putArray("locks"), s.locks());
        }
        try {
            return WRITER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serializes", e);
        }
    }

    public static void write(StatusReport report, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, render(report), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ai.brokle.migrate.config.ConfigurationException(file + ": cannot write the status document ("
                    + e.getMessage() + "). Choose another path with -Dbrokle.migrate.output=PATH.");
        }
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
