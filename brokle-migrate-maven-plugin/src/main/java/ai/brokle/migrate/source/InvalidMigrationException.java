package ai.brokle.migrate.source;

import ai.brokle.migrate.UserError;

import java.util.List;

/** One or more migration files cannot be used; nothing is applied while any such problem exists. */
public class InvalidMigrationException extends UserError {

    private final List<String> problems;

    public InvalidMigrationException(List<String> problems) {
        super(format(problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }

    private static String format(List<String> problems) {
        StringBuilder text = new StringBuilder(problems.size() == 1
                ? "Invalid migration file (nothing was applied):"
                : problems.size() + " invalid migration files (nothing was applied):");
        for (String problem : problems) {
            text.append("\n  - ").append(problem);
        }
        return text.toString();
    }
}
