package ai.brokle.migrate.lint;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the migrations before the one being checked created: tables and their column definitions, learnt from their
 * up SQL in version order. "A table an earlier migration created" is a table that may hold rows in production.
 */
public final class LintContext {

    private static final Pattern ADD_COLUMN = Pattern.compile("ADD\\s+(?:COLUMN\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?"
            + "([\\w$]+)\\s+(.*)", Pattern.DOTALL);
    private static final Pattern MODIFY_COLUMN = Pattern.compile("MODIFY\\s+COLUMN\\s+(?:IF\\s+EXISTS\\s+)?"
            + "([\\w$]+)\\s+(.*)", Pattern.DOTALL);
    private static final Pattern DROP_TABLE = Pattern.compile("DROP\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?([\\w.$]+)");
    private static final java.util.Set<String> NOT_COLUMNS = java.util.Set.of("CONSTRAINT", "PRIMARY", "UNIQUE",
            "FOREIGN", "CHECK", "EXCLUDE", "INDEX", "PROJECTION", "STATISTICS");

    /** table → column → masked definition */
    private final Map<String, Map<String, String>> tables = new HashMap<>();

    /** The definition an earlier migration gave this column (masked, upper-case), if known. */
    public Optional<String> columnDefinition(String table, String column) {
        return Optional.ofNullable(tables.getOrDefault(table, Map.of()).get(column));
    }

    /** Takes in what a checked migration's up SQL creates, changes or drops. */
    void learn(MigrationUnit unit) {
        for (LintStatement statement : unit.up()) {
            Ddl.createTable(statement).ifPresent(create -> {
                Map<String, String> columns = tables.computeIfAbsent(create.table(), t -> new HashMap<>());
                create.columns().forEach(c -> columns.put(c.name(), c.definition()));
            });
            Ddl.alterTable(statement).ifPresent(alter -> {
                Map<String, String> columns = tables.computeIfAbsent(alter.table(), t -> new HashMap<>());
                for (Ddl.Action action : alter.actions()) {
                    Matcher m = ADD_COLUMN.matcher(action.text());
                    if (!m.matches()) {
                        m = MODIFY_COLUMN.matcher(action.text());
                    }
                    if (m.matches() && !NOT_COLUMNS.contains(m.group(1))) {
                        columns.put(m.group(1).toLowerCase(java.util.Locale.ROOT), m.group(2));
                    }
                }
            });
            Matcher drop = statement.starting(DROP_TABLE);
            if (drop != null) {
                tables.remove(Ddl.simpleName(drop.group(1)));
            }
        }
    }
}
