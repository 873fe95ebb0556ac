package ai.brokle.migrate.engine;

import ai.brokle.migrate.schema.Difference;
import ai.brokle.migrate.schema.Severity;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What verify found for one migration of one datasource (or for the final undo of all of them).
 *
 * @param migration   the migration id, or {@link #UNDO_ALL}
 * @param step        the step that failed ({@code up}, {@code down}, {@code re-up}, {@code undo all}), or null
 * @param error       the database error of that step, with its file, statement and line, or null
 * @param differences schema differences after the down (or after undoing all), worst first
 * @param notVerified why the migration could not be verified, or null when it was
 */
public record VerifyCase(String datasource, String migration, String step, String error,
                         List<Difference> differences, String notVerified, long millis) {

    public static final String UNDO_ALL = "undo all";

    public VerifyCase {
        differences = List.copyOf(differences);
    }

    static VerifyCase notVerified(String datasource, String migration, String reason) {
        return new VerifyCase(datasource, migration, null, null, List.of(), reason, 0);
    }

    public boolean verified() {
        return notVerified == null;
    }

    /** The worst finding: a failed step is an error; empty when the migration passed (or was not verified). */
    public Optional<Severity> severity() {
        if (error != null) {
            return Optional.of(Severity.ERROR);
        }
        return differences.stream().map(Difference::severity).min(Comparator.naturalOrder());
    }

    /** The report's lines for this case: a headline, then the error and each difference indented. */
    public List<String> lines() {
        String head = "[" + datasource + "] " + migration + ": ";
        if (!verified()) {
            return List.of(head + "not verified: " + notVerified);
        }
        if (severity().isEmpty()) {
            return List.of(head + "ok");
        }
        List<String> lines = new java.util.ArrayList<>();
        lines.add(head + severity().get().label() + (step == null ? "" : " (" + step + " failed)"));
        if (error != null) {
            error.lines().forEach(line -> lines.add("    " + line.strip()));
        }
        differences.forEach(d -> lines.add("    " + d));
        return lines;
    }
}
