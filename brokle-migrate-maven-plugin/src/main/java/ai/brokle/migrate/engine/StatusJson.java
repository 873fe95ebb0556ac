package ai.brokle.migrate.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The status document for pipelines ({@code format=json}):
 * <pre>
 * { "overall": "HEALTHY", "generatedAt": "...",
 *   "datasources": [ { "name", "health", "url", "dir", "version", "dirty", "drift", "applied",
 *                      "pending": [ids], "problems": [sentences], "locks": [holders] } ] }
 * </pre>
 */
public final class StatusJson {

    private StatusJson() {
    }

    public static String render(StatusReport report) {
        StringBuilder json = new StringBuilder("{\n  \"overall\": ").append(string(report.overall().name()))
                .append(",\n  \"generatedAt\": ").append(string(Instant.now().toString()))
                .append(",\n  \"datasources\": [");
        List<DatasourceStatus> statuses = report.datasources();
        for (int i = 0; i < statuses.size(); i++) {
            DatasourceStatus s = statuses.get(i);
            json.append(i == 0 ? "\n" : ",\n").append("    {")
                    .append("\"name\": ").append(string(s.datasource()))
                    .append(", \"health\": ").append(string(s.health().name()))
                    .append(", \"url\": ").append(string(s.url()))
                    .append(", \"dir\": ").append(string(s.dir()))
                    .append(", \"version\": ").append(s.currentVersion() == null ? "null" : s.currentVersion())
                    .append(", \"dirty\": ").append(s.dirty())
                    .append(", \"drift\": ").append(s.drift())
                    .append(", \"applied\": ").append(s.applied())
                    .append(", \"pending\": ").append(array(s.pending()))
                    .append(", \"problems\": ").append(array(s.problems()))
                    .append(", \"locks\": ").append(array(s.locks()))
                    .append("}");
        }
        return json.append("\n  ]\n}\n").toString();
    }

    public static void write(StatusReport report, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, render(report), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ai.brokle.migrate.MigrateException(file + ": cannot write the status document ("
                    + e.getMessage() + "). Choose another path with -Dbrokle.migrate.output=PATH.");
        }
    }

    private static String array(List<String> values) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            json.append(i == 0 ? "" : ", ").append(string(values.get(i)));
        }
        return json.append("]").toString();
    }

    private static String string(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder json = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
