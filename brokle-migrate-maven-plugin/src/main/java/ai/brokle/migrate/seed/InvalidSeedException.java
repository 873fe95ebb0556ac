package ai.brokle.migrate.seed;

import ai.brokle.migrate.UserError;

/**
 * A seed file cannot be loaded as written: bad YAML, an unknown table or column, a value that does not fit its
 * column, a reference that matches no row or several, a foreign-key cycle. Nothing was written. The message reads
 * {@code file:line: key: problem. fix}.
 */
public class InvalidSeedException extends UserError {

    private final String file;
    private final int line;
    private final String key;

    public InvalidSeedException(String file, int line, String key, String problem, String fix) {
        super(format(file, line, key, problem, fix));
        this.file = file;
        this.line = line;
        this.key = key;
    }

    public String file() {
        return file;
    }

    /** 1-based line of the offending key or value; 0 when the problem concerns the whole file. */
    public int line() {
        return line;
    }

    /** The offending key, e.g. {@code users.email}; null when the problem concerns no key. */
    public String key() {
        return key;
    }

    private static String format(String file, int line, String key, String problem, String fix) {
        return file + (line > 0 ? ":" + line : "") + ": " + (key == null ? "" : key + ": ") + problem
                + ". Nothing was written. " + fix;
    }
}
