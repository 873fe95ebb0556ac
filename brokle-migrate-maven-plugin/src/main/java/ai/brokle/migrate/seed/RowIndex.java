package ai.brokle.migrate.seed;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows planned so far, per table, so references can match rows of this seed that are not in the database yet.
 * Lookups build a hash index per (table, columns) on first use.
 */
final class RowIndex {

    private final Map<String, List<Map<String, Object>>> rows = new HashMap<>();
    private final Map<List<Object>, Map<List<Object>, List<Map<String, Object>>>> indexes = new HashMap<>();

    void add(String table, Map<String, Object> values) {
        rows.computeIfAbsent(table, t -> new ArrayList<>()).add(values);
        indexes.keySet().removeIf(k -> k.get(0).equals(table));
    }

    /** The {@code select} value of every planned row of {@code table} whose {@code where} columns equal values. */
    List<Object> find(String table, List<String> where, List<Object> values, String select) {
        List<Object> found = new ArrayList<>();
        for (Map<String, Object> row : matching(table, where, values)) {
            found.add(row.get(select));
        }
        return found;
    }

    boolean containsKey(String table, List<String> key, List<Object> values) {
        return !matching(table, key, values).isEmpty();
    }

    private List<Map<String, Object>> matching(String table, List<String> columns, List<Object> values) {
        Map<List<Object>, List<Map<String, Object>>> index = indexes.computeIfAbsent(List.of(table, columns), k -> {
            Map<List<Object>, List<Map<String, Object>>> built = new HashMap<>();
            for (Map<String, Object> row : rows.getOrDefault(table, List.of())) {
                if (row.keySet().containsAll(columns)) {
                    built.computeIfAbsent(normalizeAll(columns.stream().map(row::get).toList()),
                            v -> new ArrayList<>()).add(row);
                }
            }
            return built;
        });
        return index.getOrDefault(normalizeAll(values), List.of());
    }

    /** A value comparable with equals(): numbers by value (1, 1.0 and 1L are equal), text padding ignored. */
    static List<Object> normalizeAll(List<?> values) {
        List<Object> normal = new ArrayList<>(values.size());
        values.forEach(v -> normal.add(normalize(v)));
        return normal;
    }

    static Object normalize(Object value) {
        if (value instanceof List<?> list) {
            return normalizeAll(list);
        }
        if (value instanceof Number number) {
            try {
                return new BigDecimal(number.toString()).stripTrailingZeros();
            } catch (NumberFormatException e) {
                return number.toString(); // NaN, Infinity
            }
        }
        if (value instanceof String text) {
            return text.stripTrailing();
        }
        return value == null ? "\u0000null" : value.toString();
    }
}
