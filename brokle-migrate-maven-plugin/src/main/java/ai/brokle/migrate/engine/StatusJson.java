package ai.brokle.migrate.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The status document for pipelines ({@code format=json}), written with Jackson's streaming generator:
 * <pre>
 * { "overall": "HEALTHY", "generatedAt": "...",
 *   "datasources": [ { "name", "health", "url", "dir", "version", "dirty", "drift", "applied",
 *                      "pending": [ids], "problems": [sentences], "locks": [holders] } ] }
 * </pre>
 */
public final class StatusJson {

    private static final JsonFactory JSON = new JsonFactory();
    /** Indented objects, {@code "key": value}, arrays on one line: {@code ["a", "b"]}, {@code []}. */
    private static final DefaultPrettyPrinter LAYOUT = new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER).withArrayValueSpacing(Separators.Spacing.AFTER)
            .withArrayEmptySeparator("")).withArrayIndenter(DefaultPrettyPrinter.NopIndenter.instance);

    private StatusJson() {
    }

    public static String render(StatusReport report) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text).setPrettyPrinter(LAYOUT.createInstance())) {
            json.writeStartObject();
            json.writeStringField("overall", report.overall().name());
            json.writeStringField("generatedAt", Instant.now().toString());
            json.writeArrayFieldStart("datasources");
            for (DatasourceStatus s : report.datasources()) {
                json.writeStartObject();
                json.writeStringField("name", s.datasource());
                json.writeStringField("health", s.health().name());
                json.writeStringField("url", s.url());
                json.writeStringField("dir", s.dir());
                if (s.currentVersion() == null) {
                    json.writeNullField("version");
                } else {
                    json.writeNumberField("version", s.currentVersion());
                }
                json.writeBooleanField("dirty", s.dirty());
                json.writeBooleanField("drift", s.drift());
                json.writeNumberField("applied", s.applied());
                strings(json, "pending", s.pending());
                strings(json, "problems", s.problems());
                strings(json, "locks", s.locks());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string does not fail", e);
        }
        return text + "\n";
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

    private static void strings(JsonGenerator json, String field, List<String> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }
}
