package ai.brokle.migrate.seed;

import ai.brokle.migrate.seed.SeedSet.SeedRow;
import ai.brokle.migrate.seed.TableSchema.Column;

import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives a row without its primary key one: the key of the existing row with the same unique key (slug, email, ...),
 * else a ULID derived from the row's content (same row, same id, every run: seeding stays idempotent), else the
 * column's default.
 */
final class RowKeys {

    private final String file;
    private final SeedStore store;
    private final boolean reset;
    /** How often each row content was seen, so identical rows still get distinct ids. */
    private final Map<String, Integer> sameContent = new HashMap<>();

    /** @param reset true when the tables are emptied first: existing rows are then not looked up */
    RowKeys(String file, SeedStore store, boolean reset) {
        this.file = file;
        this.store = store;
        this.reset = reset;
    }

    void fill(TableSchema schema, SeedRow seedRow, List<String> key, RowValues row) throws SQLException {
        if (row.hasAll(key)) {
            return;
        }
        List<String> missing = key.stream().filter(c -> !row.has(c)).toList();
        if (key.size() == 1) {
            String id = key.get(0);
            Column column = schema.columns().get(id);
            Object existing = reset ? null : findByUniqueKey(schema, id, row);
            if (existing != null) {
                row.put(id, existing, seedRow.line());
            } else if (column.type().holdsUlid()) {
                row.put(id, derivedUlid(schema, row), seedRow.line());
            } else if (!column.hasDefault()) {
                throw new InvalidSeedException(file, seedRow.line(), schema.name() + "." + id, "the row has no "
                        + id + ", and none can be generated (" + column.type().sqlName() + " is not a 26-character "
                        + "text column and has no default)", "Give the row an " + id);
            }
            return;
        }
        for (String column : missing) {
            if (!schema.columns().get(column).hasDefault()) {
                throw new InvalidSeedException(file, seedRow.line(), schema.name() + "." + column, "the row leaves "
                        + "out this primary-key column", "Add " + column + ": <value> to the row");
            }
        }
    }

    private Object findByUniqueKey(TableSchema schema, String id, RowValues values) throws SQLException {
        for (List<String> unique : schema.uniqueKeys()) {
            if (unique.stream().allMatch(c -> values.get(c) != null)) {
                List<List<Object>> rows = store.find(schema, List.of(id), unique,
                        unique.stream().map(values::get).toList());
                if (rows.size() == 1) {
                    return rows.get(0).get(0);
                }
            }
        }
        return null;
    }

    /** Time part: the row's literal created_at (else 0); random part: a hash of the table and the row's values. */
    private String derivedUlid(TableSchema schema, RowValues row) {
        StringBuilder content = new StringBuilder(schema.name());
        for (String column : schema.columns().keySet()) {
            if (row.has(column) && !row.insertOnly().contains(column)) {
                content.append('\u0000').append(column).append('=').append(RowIndex.normalize(row.get(column)));
            }
        }
        long millis = 0;
        Object created = row.insertOnly().contains("created_at") ? null : row.get("created_at");
        if (created instanceof LocalDateTime local) {
            millis = local.toInstant(ZoneOffset.UTC).toEpochMilli();
        } else if (created instanceof OffsetDateTime offset) {
            millis = offset.toInstant().toEpochMilli();
        }
        int occurrence = sameContent.merge(content.toString(), 1, Integer::sum);
        return Ulid.derived(millis, content + "\u0000#" + occurrence);
    }
}
