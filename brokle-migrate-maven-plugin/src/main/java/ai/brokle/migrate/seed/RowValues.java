package ai.brokle.migrate.seed;

import ai.brokle.migrate.seed.RowGroup.PlannedRow;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One row's converted values by column, the line of each, and the columns written only when the row is inserted
 * ({@code now}). Small arrays rather than maps: a row has a handful of columns and a large seed plans one of these
 * per row; column names are the parser's shared strings, so lookups mostly compare references.
 */
final class RowValues {

    private String[] names;
    private Object[] values;
    private int[] lines;
    private int size;
    private Set<String> insertOnly = Set.of();

    RowValues(int capacity) {
        names = new String[capacity];
        values = new Object[capacity];
        lines = new int[capacity];
    }

    /** Adds a column the row does not have yet. */
    void add(String name, Object value, int line) {
        if (size == names.length) {
            int capacity = size * 2 + 1;
            names = Arrays.copyOf(names, capacity);
            values = Arrays.copyOf(values, capacity);
            lines = Arrays.copyOf(lines, capacity);
        }
        names[size] = name;
        values[size] = value;
        lines[size] = line;
        size++;
    }

    /** Sets a column's value and line, adding the column if needed. */
    void put(String name, Object value, int line) {
        int i = indexOf(name);
        if (i < 0) {
            add(name, value, line);
        } else {
            values[i] = value;
            lines[i] = line;
        }
    }

    boolean has(String name) {
        return indexOf(name) >= 0;
    }

    boolean hasAll(List<String> columns) {
        for (String column : columns) {
            if (indexOf(column) < 0) {
                return false;
            }
        }
        return true;
    }

    /** True when the row has exactly these columns. */
    boolean hasExactly(List<String> columns) {
        return size == columns.size() && hasAll(columns);
    }

    /** The column's value, or null when the row does not have it. */
    Object get(String name) {
        int i = indexOf(name);
        return i < 0 ? null : values[i];
    }

    void addInsertOnly(String name) {
        if (insertOnly.isEmpty()) {
            insertOnly = new LinkedHashSet<>();
        }
        insertOnly.add(name);
    }

    /** Columns whose value is written when the row is inserted, never on update ({@code now}). */
    Set<String> insertOnly() {
        return insertOnly;
    }

    /** The values by column, for matching references against planned rows. */
    Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            map.put(names[i], values[i]);
        }
        return map;
    }

    /** The row lined up with {@code columns}, ready to bind. */
    PlannedRow planned(String file, int line, List<String> columns) {
        Object[] rowValues = new Object[columns.size()];
        int[] rowLines = new int[columns.size()];
        for (int c = 0; c < rowValues.length; c++) {
            int i = indexOf(columns.get(c));
            rowValues[c] = i < 0 ? null : values[i];
            rowLines[c] = i < 0 ? line : lines[i];
        }
        return new PlannedRow(file, line, rowValues, rowLines);
    }

    private int indexOf(String name) {
        for (int i = 0; i < size; i++) {
            if (names[i] == name) {
                return i;
            }
        }
        for (int i = 0; i < size; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
