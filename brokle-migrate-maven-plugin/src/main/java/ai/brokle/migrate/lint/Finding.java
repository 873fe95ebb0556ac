package ai.brokle.migrate.lint;

import java.nio.file.Path;

/**
 * One thing {@code validate} found.
 *
 * @param datasource {@code postgres} or {@code clickhouse}
 * @param file       the file it is in
 * @param line       1-based line in that file, or 0 for the file as a whole
 * @param message    what is wrong, naming the statement
 * @param fix        the rule's one-line fix
 */
public record Finding(String ruleId, Severity severity, String datasource, Path file, int line, String message,
                      String fix) {

    /** {@code file:line} (or the file alone), as editors and CI logs link it. */
    public String location() {
        return line > 0 ? file + ":" + line : file.toString();
    }

    /** The line printed to the build log. */
    public String render() {
        return location() + ": " + ruleId + " " + severity.label() + ": " + message + " Fix: " + fix;
    }
}
