package ai.brokle.migrate.seed;

import ai.brokle.migrate.seed.RowGroup.PlannedRow;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One row's converted values by column, the line of each, and the columns written only when the row is inserted
 * ({@code now}).
 */
final class RowValues {

    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Map<String, Integer> lines = new HashMap<>();
    private final Set<String> insertOnly = new TreeSet<>();

    /** Sets a column's value and the line it comes from. */
    void put(String name, Object value, int line) {
        values.put(name, value);
        lines.put(name, line);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    boolean hasAll(List<String> columns) {
        return values.keySet().containsAll(columns);
    }

    /** The column's value, or null when the row does not have it. */
    Object get(String name) {
        return values.get(name);
    }

    void addInsertOnly(String name) {
        insertOnly.add(name);
    }

    /** Columns whose value is written when the row is inserted, never on update ({@code now}). */
    Set<String> insertOnly() {
        return insertOnly;
    }

    /** The values by column, for matching references against planned rows. */
    Map<String, Object> asMap() {
        return new LinkedHashMap<>(values);
    }

    /** The row lined up with {@code columns}, ready to bind. */
    PlannedRow planned(String file, int line, List<String> columns) {
        Object[] rowValues = new Object[columns.size()];
        int[] rowLines = new int[columns.size()];
        for (int c = 0; c < rowValues.length; c++) {
            rowValues[c] = values.get(columns.get(c));
            rowLines[c] = lines.getOrDefault(columns.get(c), line);
        }
        return new PlannedRow(file, line, rowValues, rowLines);
    }
}
