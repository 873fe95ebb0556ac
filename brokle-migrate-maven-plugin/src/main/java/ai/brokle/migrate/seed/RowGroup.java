package ai.brokle.migrate.seed;

import java.util.List;
import java.util.Set;

/**
 * Rows of one table that give the same columns, so they share one statement.
 *
 * @param columns    the columns every row gives, in order; row values line up with them
 * @param key        the conflict key (primary key) when the store upserts; empty for rows the database gives a key
 * @param insertOnly columns written when a row is inserted but never updated (values like {@code now})
 */
public record RowGroup(List<String> columns, List<String> key, Set<String> insertOnly, List<PlannedRow> rows) {

    /** Columns an upsert overwrites when the row already exists. */
    public List<String> updatable() {
        return columns.stream().filter(c -> !key.contains(c) && !insertOnly.contains(c)).toList();
    }

    /**
     * One row ready to bind.
     *
     * @param values converted values, aligned with the group's columns
     * @param lines  the line of each value's key, aligned the same way
     */
    public record PlannedRow(String file, int line, Object[] values, int[] lines) {

        public String location() {
            return file + ":" + line;
        }
    }
}
