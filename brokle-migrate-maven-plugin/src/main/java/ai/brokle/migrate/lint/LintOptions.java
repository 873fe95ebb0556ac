package ai.brokle.migrate.lint;

import java.util.Set;

/**
 * The options of {@code validate}.
 *
 * @param explain print how each file splits: every statement with its line
 * @param since   a git ref: check files added or changed since it (history rules), or null
 * @param ignore  warning rule ids suppressed everywhere ({@code brokle.migrate.ignore})
 */
public record LintOptions(boolean explain, String since, Set<String> ignore) {

    public static final LintOptions DEFAULT = new LintOptions(false, null, Set.of());
}
