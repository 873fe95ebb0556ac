package ai.brokle.migrate.lint;

/**
 * One check of {@code validate}. Generic rules live in this package; database-specific ones come from each dialect.
 * A rule reads one migration at a time, with what earlier migrations created ({@link LintContext}), and reports
 * findings through {@link Findings}.
 */
public interface Rule {

    /** e.g. {@code PG003}, {@code CH001}, {@code GEN005} */
    String id();

    Severity severity();

    /** What the rule catches, one line. */
    String summary();

    /** How to fix a finding, one line. */
    String fix();

    void check(MigrationUnit unit, LintContext context, Findings findings);

    /** A rule from its parts; the check is a lambda. */
    static Rule of(String id, Severity severity, String summary, String fix, Check check) {
        return new Rule() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public Severity severity() {
                return severity;
            }

            @Override
            public String summary() {
                return summary;
            }

            @Override
            public String fix() {
                return fix;
            }

            @Override
            public void check(MigrationUnit unit, LintContext context, Findings findings) {
                check.check(unit, context, new Findings.ForRule(findings, this));
            }

            @Override
            public String toString() {
                return id + " (" + severity.label() + "): " + summary;
            }
        };
    }

    /** The body of a rule made with {@link #of}. */
    @FunctionalInterface
    interface Check {
        void check(MigrationUnit unit, LintContext context, Findings.ForRule report);
    }
}
