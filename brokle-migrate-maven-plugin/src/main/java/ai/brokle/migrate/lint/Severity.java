package ai.brokle.migrate.lint;

/** Errors fail {@code validate}; warnings are reported and may be suppressed. */
public enum Severity {
    ERROR, WARNING;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
