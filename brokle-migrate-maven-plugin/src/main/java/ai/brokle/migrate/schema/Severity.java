package ai.brokle.migrate.schema;

import java.util.Locale;

/** How much a difference matters, worst first. */
public enum Severity {
    /** Something present before is missing after, or the other way round; or a step failed. */
    ERROR,
    /** A definition differs: a column's type, default or nullability, an index or constraint, enum labels. */
    CHANGED,
    /** Comments, an object with the same definition under another name, column order. */
    COSMETIC;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity parse(String text) {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
    }
}
