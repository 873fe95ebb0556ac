package ai.brokle.migrate.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough reading of {@code CREATE TABLE} and {@code ALTER TABLE} for the rules: names, column definitions and
 * clauses, each with its offset in the statement. Works on masked text ({@link SqlText}), so strings and comments
 * never confuse it. Not a parser: what it does not recognise, it leaves alone.
 */
public final class Ddl {

    private static final String NAME = "([\\w.$]+)";
    private static final Pattern CREATE_TABLE = Pattern.compile("CREATE\\s+(?:OR\\s+REPLACE\\s+)?"
            + "(?:(?:GLOBAL|LOCAL)\\s+)?(?:(?:TEMP|TEMPORARY|UNLOGGED)\\s+)?TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?"
            + NAME + "(?:\\s+ON\\s+CLUSTER\\s+\\S+)?\\s*\\(");
    private static final Pattern ALTER_TABLE = Pattern.compile("ALTER\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(?:ONLY\\s+)?"
            + NAME + "(?:\\s+ON\\s+CLUSTER\\s+\\S+)?\\s+");
    private static final Set<String> NOT_COLUMNS = Set.of("INDEX", "CONSTRAINT", "PRIMARY", "UNIQUE", "FOREIGN",
            "CHECK", "EXCLUDE", "LIKE", "PROJECTION");

    private Ddl() {
    }

    /**
     * A column of a {@code CREATE TABLE} or an {@code ADD COLUMN}.
     *
     * @param name       lower-case column name
     * @param definition masked, upper-case: the type and everything after it
     * @param offset     where the column starts in its statement
     */
    public record Column(String name, String definition, int offset) {

        /** The type alone: the definition up to DEFAULT, CODEC, COMMENT, NOT NULL, ... */
        public String type() {
            Matcher m = TYPE_END.matcher(definition);
            return (m.find() ? definition.substring(0, m.start()) : definition).strip();
        }

        private static final Pattern TYPE_END = Pattern.compile("\\s(?:DEFAULT|MATERIALIZED|ALIAS|EPHEMERAL|CODEC|"
                + "COMMENT|TTL|NOT\\s+NULL|NULL|PRIMARY|REFERENCES|CHECK|UNIQUE|CONSTRAINT|GENERATED|COLLATE|SETTINGS)\\b");
    }

    /**
     * @param table      lower-case name without schema
     * @param tail       masked text after the column list (ENGINE, ORDER BY, TTL, ...)
     * @param tailOffset where the tail starts in the statement
     */
    public record CreateTable(String table, List<Column> columns, String tail, int tailOffset) {

        public Optional<Column> column(String name) {
            return columns.stream().filter(c -> c.name().equals(name)).findFirst();
        }
    }

    /** One action of an ALTER TABLE ({@code ADD COLUMN ...}), masked, with its offset in the statement. */
    public record Action(String text, int offset) {
    }

    /** @param table lower-case name without schema */
    public record AlterTable(String table, List<Action> actions) {
    }

    /** The statement as a CREATE TABLE with a column list, if it is one. */
    public static Optional<CreateTable> createTable(LintStatement statement) {
        return statement.createTable();
    }

    /** The statement as an ALTER TABLE, if it is one. */
    public static Optional<AlterTable> alterTable(LintStatement statement) {
        return statement.alterTable();
    }

    static Optional<CreateTable> parseCreateTable(LintStatement statement) {
        Matcher m = statement.starting(CREATE_TABLE);
        if (m == null) {
            return Optional.empty();
        }
        String text = statement.text();
        int open = m.end() - 1;
        int close = matchingParen(text, open);
        List<Column> columns = new ArrayList<>();
        for (Action element : splitTopLevel(text, open + 1, close)) {
            String[] words = element.text().split("\\s+", 2);
            if (words.length == 2 && !NOT_COLUMNS.contains(words[0])) {
                columns.add(new Column(words[0].toLowerCase(Locale.ROOT), words[1], element.offset()));
            }
        }
        return Optional.of(new CreateTable(simpleName(m.group(1)), columns,
                text.substring(Math.min(close + 1, text.length())), Math.min(close + 1, text.length())));
    }

    static Optional<AlterTable> parseAlterTable(LintStatement statement) {
        Matcher m = statement.starting(ALTER_TABLE);
        if (m == null) {
            return Optional.empty();
        }
        return Optional.of(new AlterTable(simpleName(m.group(1)),
                splitTopLevel(statement.text(), m.end(), statement.text().length())));
    }

    /** The lower-case name without schema or database: {@code public.Users} → {@code users}. */
    public static String simpleName(String name) {
        return name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }

    /** The offset of the parenthesis closing the one at {@code open}, or the end of the text. */
    public static int matchingParen(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return text.length();
    }

    /** The comma-separated parts of [from, to) at parenthesis depth 0, stripped, with their offsets. */
    public static List<Action> splitTopLevel(String text, int from, int to) {
        List<Action> parts = new ArrayList<>();
        int depth = 0;
        int start = from;
        for (int i = from; i <= to; i++) {
            char c = i < to ? text.charAt(i) : ',';
            if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (c == ',' && depth <= 0) {
                String part = text.substring(start, i);
                int lead = part.length() - part.stripLeading().length();
                if (!part.isBlank()) {
                    parts.add(new Action(part.strip(), start + lead));
                }
                start = i + 1;
            }
        }
        return parts;
    }
}
