package ai.brokle.migrate.lint;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Collects findings, dropping suppressed warnings: the rule ids ignored globally and those a file ignores with
 * {@code -- brokle-migrate:ignore RULE-ID}. Errors are never suppressed.
 */
public final class Findings {

    private final String datasource;
    private final Set<String> ignoredEverywhere;
    private final List<Finding> found = new ArrayList<>();
    private int suppressed;

    public Findings(String datasource, Set<String> ignoredEverywhere) {
        this.datasource = datasource;
        this.ignoredEverywhere = ignoredEverywhere;
    }

    /** @param fileIgnores the rule ids the file ignores (empty for none) */
    public void add(Rule rule, Path file, int line, String message, Set<String> fileIgnores) {
        add(rule.id(), rule.severity(), file, line, message, rule.fix(), fileIgnores);
    }

    void add(String id, Severity severity, Path file, int line, String message, String fix, Set<String> fileIgnores) {
        if (severity == Severity.WARNING && (ignoredEverywhere.contains(id) || fileIgnores.contains(id))) {
            suppressed++;
            return;
        }
        found.add(new Finding(id, severity, datasource, file, line, message, fix));
    }

    public List<Finding> list() {
        return found;
    }

    public int suppressed() {
        return suppressed;
    }

    /** A rule's view: it names the file and line; the id, severity, fix and suppressions are filled in. */
    public static final class ForRule {
        private final Findings findings;
        private final Rule rule;

        ForRule(Findings findings, Rule rule) {
            this.findings = findings;
            this.rule = rule;
        }

        /** A finding in the up file (up = true) or down file of the unit. */
        public void at(MigrationUnit unit, boolean up, int line, String message) {
            Path file = up ? unit.migration().upFile() : unit.migration().downFile();
            findings.add(rule, file == null ? unit.migration().upFile() : file, line, message, unit.ignores());
        }

        public void at(MigrationUnit unit, LintStatement statement, String message) {
            at(unit, statement.up(), statement.line(), message);
        }

        /** As {@link #at(MigrationUnit, LintStatement, String)}, at the line of an offset in the statement. */
        public void at(MigrationUnit unit, LintStatement statement, int offset, String message) {
            at(unit, statement.up(), statement.lineAt(offset), message);
        }
    }
}
