package ai.brokle.migrate.seed;

import ai.brokle.migrate.seed.RowGroup.PlannedRow;
import ai.brokle.migrate.seed.SeedPlan.TablePlan;
import ai.brokle.migrate.seed.SeedSet.SeedRow;
import ai.brokle.migrate.seed.SeedSet.SeedTable;
import ai.brokle.migrate.seed.TableSchema.Column;
import ai.brokle.migrate.seed.YamlNode.Entry;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Plans one datasource's tables: checks every table, column and value against the database, orders the tables by
 * their foreign keys, fills in generated ids and resolves references. Only reads; a plan either comes out complete
 * or an {@link InvalidSeedException} says what to fix.
 */
final class SeedPlanner {

    private final String file;
    private final SeedStore store;
    private final ValueConverter converter;
    private final boolean reset;
    private final Map<String, TableSchema> schemas = new HashMap<>();
    private final Set<String> seeded = new HashSet<>();
    private final RowIndex planned = new RowIndex();
    private final Map<List<Object>, Object> refCache = new HashMap<>();

    /** @param reset true when the seeded tables are emptied first: their current rows are then ignored */
    SeedPlanner(String file, SeedStore store, Instant now, boolean reset) {
        this.file = file;
        this.store = store;
        this.converter = new ValueConverter(file, now);
        this.reset = reset;
    }

    SeedPlan plan(List<SeedTable> tables) throws SQLException {
        List<String> names = tables.stream().map(SeedTable::name).toList();
        schemas.putAll(store.describe(names));
        seeded.addAll(names);
        Map<String, Set<String>> parents = new HashMap<>();
        for (SeedTable table : tables) {
            TableSchema schema = schemas.get(table.name());
            if (schema == null) {
                throw new InvalidSeedException(file, table.line(), table.name(), "no such table in the database",
                        "Fix the table name, or apply the migrations that create it first: mvn brokle-migrate:up");
            }
            parents.put(table.name(), parentsOf(table, schema));
        }
        List<TablePlan> plans = new ArrayList<>();
        for (SeedTable table : TableOrder.sort(tables, parents, file)) {
            plans.add(planTable(table, schemas.get(table.name())));
        }
        return new SeedPlan(plans);
    }

    /** The seeded tables this one's rows need first: foreign-key targets and tables its references name. */
    private Set<String> parentsOf(SeedTable table, TableSchema schema) {
        Set<String> parents = new TreeSet<>();
        schema.foreignKeys().stream().map(TableSchema.ForeignKey::referencedTable).filter(seeded::contains)
                .forEach(parents::add);
        for (SeedRow row : table.rows()) {
            for (Entry cell : row.cells()) {
                Column column = column(schema, cell);
                collectReferencedTables(cell.value(), column, parents);
            }
        }
        return parents;
    }

    private void collectReferencedTables(YamlNode node, Column column, Set<String> into) {
        if (isReference(node, column)) {
            YamlNode.Mapping ref = (YamlNode.Mapping) node;
            if (ref.get("ref").orElseThrow().value() instanceof YamlNode.Scalar target && seeded.contains(
                    target.text())) {
                into.add(target.text());
            }
            for (Entry key : ref.entries()) {
                if (key.value() instanceof YamlNode.Mapping nested && nested.get("ref").isPresent()) {
                    collectReferencedTables(nested, null, into);
                }
            }
        }
    }

    /** A map with a {@code ref} key is a reference, except in JSON and map columns, where maps are data. */
    private static boolean isReference(YamlNode node, Column column) {
        boolean data = column != null && (column.type().kind() == ColumnType.Kind.JSON
                || column.type().kind() == ColumnType.Kind.MAP);
        return !data && node instanceof YamlNode.Mapping mapping && mapping.get("ref").isPresent();
    }

    private Column column(TableSchema schema, Entry cell) {
        return schema.column(cell.key()).orElseThrow(() -> new InvalidSeedException(file, cell.line(),
                schema.name() + "." + cell.key(), "no such column in table " + schema.name() + " (columns: "
                + String.join(", ", schema.columns().keySet()) + ")", "Fix the column name"));
    }

    private TablePlan planTable(SeedTable table, TableSchema schema) throws SQLException {
        List<String> key = store.upserts() ? schema.primaryKey() : List.of();
        if (store.upserts() && key.isEmpty()) {
            throw new InvalidSeedException(file, table.line(), table.name(), "the table has no primary key, so a "
                    + "second run could not tell its rows from new ones", "Add a primary key to the table");
        }
        Map<List<Object>, Integer> keyLines = new HashMap<>();
        Map<String, Integer> sameContent = new HashMap<>();
        Map<List<Object>, List<PlannedRow>> groups = new LinkedHashMap<>();
        for (SeedRow row : table.rows()) {
            Map<String, Object> values = new HashMap<>();
            Map<String, Integer> lines = new HashMap<>();
            Set<String> insertOnly = new LinkedHashSet<>();
            for (Entry cell : row.cells()) {
                Column column = column(schema, cell);
                String name = schema.name() + "." + cell.key();
                if (isReference(cell.value(), column)) {
                    values.put(cell.key(), resolve((YamlNode.Mapping) cell.value(), schema, cell.key()));
                } else {
                    if (ValueConverter.isNow(cell.value(), column.type())) {
                        insertOnly.add(cell.key());
                    }
                    values.put(cell.key(), converter.convert(cell.value(), column, name));
                }
                lines.put(cell.key(), cell.line());
            }
            fillKey(table, schema, row, key, values, lines, insertOnly, sameContent);
            requireNotNullColumns(schema, row, values);
            if (!key.isEmpty() && values.keySet().containsAll(key)) {
                Integer first = keyLines.putIfAbsent(RowIndex.normalizeAll(key.stream().map(values::get).toList()),
                        row.line());
                if (first != null) {
                    throw new InvalidSeedException(file, row.line(), table.name() + "." + String.join(",", key),
                            "same primary key as the row at line " + first, "Remove one of the two rows or "
                            + "give it another key");
                }
            }
            planned.add(table.name(), values);
            List<String> columns = schema.columns().keySet().stream().filter(values::containsKey).toList();
            Object[] rowValues = new Object[columns.size()];
            int[] rowLines = new int[columns.size()];
            for (int i = 0; i < columns.size(); i++) {
                rowValues[i] = values.get(columns.get(i));
                rowLines[i] = lines.getOrDefault(columns.get(i), row.line());
            }
            groups.computeIfAbsent(List.of(columns, new TreeSet<>(insertOnly)), k -> new ArrayList<>())
                    .add(new PlannedRow(file, row.line(), rowValues, rowLines));
        }
        List<RowGroup> rowGroups = new ArrayList<>();
        groups.forEach((shape, rows) -> {
            @SuppressWarnings("unchecked") List<String> columns = (List<String>) shape.get(0);
            @SuppressWarnings("unchecked") Set<String> insertOnly = (Set<String>) shape.get(1);
            rowGroups.add(new RowGroup(columns, columns.containsAll(key) ? key : List.of(), insertOnly, rows));
        });
        return new TablePlan(schema, table.line(), rowGroups);
    }

    /**
     * Gives a row without its primary key one: the key of the existing row with the same unique key (slug, email,
     * ...), else a ULID derived from the row's content (same row, same id, every run), else the column default.
     */
    private void fillKey(SeedTable table, TableSchema schema, SeedRow row, List<String> key,
                         Map<String, Object> values, Map<String, Integer> lines, Set<String> insertOnly,
                         Map<String, Integer> sameContent) throws SQLException {
        List<String> missing = key.stream().filter(c -> !values.containsKey(c)).toList();
        if (missing.isEmpty()) {
            return;
        }
        if (key.size() == 1) {
            String id = key.get(0);
            Column column = schema.columns().get(id);
            Object existing = reset ? null : findByUniqueKey(schema, id, values);
            if (existing != null) {
                values.put(id, existing);
            } else if (column.type().holdsUlid()) {
                values.put(id, derivedUlid(table.name(), schema, values, insertOnly, sameContent));
            } else if (!column.hasDefault()) {
                throw new InvalidSeedException(file, row.line(), table.name() + "." + id, "the row has no " + id
                        + ", and none can be generated (" + column.type().sqlName() + " is not a 26-character "
                        + "text column and has no default)", "Give the row an " + id);
            }
            lines.put(id, row.line());
            return;
        }
        for (String column : missing) {
            if (!schema.columns().get(column).hasDefault()) {
                throw new InvalidSeedException(file, row.line(), table.name() + "." + column, "the row leaves out "
                        + "this primary-key column", "Add " + column + ": <value> to the row");
            }
        }
    }

    private Object findByUniqueKey(TableSchema schema, String id, Map<String, Object> values) throws SQLException {
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

    private String derivedUlid(String table, TableSchema schema, Map<String, Object> values, Set<String> insertOnly,
                               Map<String, Integer> sameContent) {
        StringBuilder content = new StringBuilder(table);
        long millis = 0;
        for (String column : schema.columns().keySet()) {
            if (values.containsKey(column) && !insertOnly.contains(column)) {
                content.append('\u0000').append(column).append('=').append(RowIndex.normalize(values.get(column)));
            }
        }
        Object created = insertOnly.contains("created_at") ? null : values.get("created_at");
        if (created instanceof LocalDateTime local) {
            millis = local.toInstant(ZoneOffset.UTC).toEpochMilli();
        } else if (created instanceof OffsetDateTime offset) {
            millis = offset.toInstant().toEpochMilli();
        }
        int occurrence = sameContent.merge(content.toString(), 1, Integer::sum);
        return Ulid.derived(millis, content + "\u0000#" + occurrence);
    }

    private void requireNotNullColumns(TableSchema schema, SeedRow row, Map<String, Object> values) {
        for (Column column : schema.columns().values()) {
            if (!column.nullable() && !column.hasDefault() && !values.containsKey(column.name())) {
                throw new InvalidSeedException(file, row.line(), schema.name() + "." + column.name(), "the row "
                        + "leaves out a NOT NULL column that has no default", "Add " + column.name()
                        + ": <value> to the row");
            }
        }
    }

    /**
     * Resolves {@code {ref: organizations, slug: acme-corp}} to the referenced row's key: among this seed's rows
     * and the database's, exactly one row must match.
     */
    private Object resolve(YamlNode.Mapping ref, TableSchema from, String fromColumn) throws SQLException {
        String key = from.name() + "." + fromColumn;
        Entry refEntry = ref.get("ref").orElseThrow();
        if (!(refEntry.value() instanceof YamlNode.Scalar target) || target.isNull()) {
            throw new InvalidSeedException(file, refEntry.line(), key, "ref must name a table",
                    "Write e.g. {ref: organizations, slug: acme-corp}");
        }
        TableSchema schema = schema(target.text(), refEntry.line(), key);
        String select = targetColumn(from, fromColumn, schema, refEntry.line(), key);
        List<String> where = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (Entry entry : ref.entries()) {
            if (entry == refEntry) {
                continue;
            }
            Column column = schema.column(entry.key()).orElseThrow(() -> new InvalidSeedException(file,
                    entry.line(), key, "the reference names column " + entry.key() + ", which table "
                    + schema.name() + " does not have", "Use a column of " + schema.name() + " (columns: "
                    + String.join(", ", schema.columns().keySet()) + ")"));
            where.add(entry.key());
            values.add(isReference(entry.value(), column)
                    ? resolve((YamlNode.Mapping) entry.value(), schema, entry.key())
                    : converter.convert(entry.value(), column, schema.name() + "." + entry.key()));
        }
        if (where.isEmpty()) {
            throw new InvalidSeedException(file, ref.line(), key, "the reference names no column to match",
                    "Add a unique column of " + schema.name() + ", e.g. {ref: " + schema.name() + ", slug: ...}");
        }
        List<Object> cacheKey = List.of(schema.name(), select, where, RowIndex.normalize(values));
        if (refCache.containsKey(cacheKey)) {
            return refCache.get(cacheKey);
        }
        List<Object> matches = new ArrayList<>(planned.find(schema.name(), where, values, select));
        if (!(reset && seeded.contains(schema.name()))) {
            matches.addAll(databaseMatches(schema, select, where, values));
        }
        String described = describe(ref);
        if (matches.size() != 1) {
            throw new InvalidSeedException(file, ref.line(), key, "reference " + described + " matches "
                    + (matches.isEmpty() ? "no row" : matches.size() + " rows (" + select + " " + matches + ")")
                    + " of " + schema.name() + (reset && seeded.contains(schema.name()) ? " in this seed" : ""),
                    matches.isEmpty() ? "Fix the value, or add the row to the seed"
                            : "Match on a unique column (or more columns) so exactly one row fits");
        }
        if (matches.get(0) == null) {
            throw new InvalidSeedException(file, ref.line(), key, "reference " + described + " matches a row whose "
                    + select + " is not known before it is inserted", "Give that row its " + select);
        }
        refCache.put(cacheKey, matches.get(0));
        return matches.get(0);
    }

    /** Database rows that match, except those this seed also lists (they are counted among the seed's rows). */
    private List<Object> databaseMatches(TableSchema schema, String select, List<String> where,
                                         List<Object> values) throws SQLException {
        List<String> key = schema.primaryKey();
        List<String> columns = new ArrayList<>(List.of(select));
        columns.addAll(key);
        List<Object> found = new ArrayList<>();
        for (List<Object> row : store.find(schema, columns, where, values)) {
            if (key.isEmpty() || !planned.containsKey(schema.name(), key, row.subList(1, row.size()))) {
                found.add(row.get(0));
            }
        }
        return found;
    }

    private TableSchema schema(String table, int line, String key) throws SQLException {
        if (!schemas.containsKey(table)) {
            schemas.putAll(store.describe(List.of(table)));
        }
        TableSchema schema = schemas.get(table);
        if (schema == null) {
            throw new InvalidSeedException(file, line, key, "the reference names table " + table + ", which does "
                    + "not exist", "Fix the table name in ref:");
        }
        return schema;
    }

    /** The referenced column: the foreign key's target, else the referenced table's single-column primary key. */
    private String targetColumn(TableSchema from, String fromColumn, TableSchema to, int line, String key) {
        return from.foreignKeyOf(fromColumn).filter(fk -> fk.referencedTable().equals(to.name()))
                .map(fk -> fk.referencedColumns().get(0))
                .or(() -> to.primaryKey().size() == 1 ? java.util.Optional.of(to.primaryKey().get(0))
                        : java.util.Optional.empty())
                .orElseThrow(() -> new InvalidSeedException(file, line, key, "cannot tell which column of "
                        + to.name() + " the reference stands for (no foreign key from " + fromColumn + " and no "
                        + "single-column primary key)", "Write the value itself instead of a reference"));
    }

    private static String describe(YamlNode.Mapping ref) {
        StringBuilder text = new StringBuilder("{");
        for (Entry entry : ref.entries()) {
            text.append(text.length() > 1 ? ", " : "").append(entry.key()).append(": ")
                    .append(entry.value() instanceof YamlNode.Mapping nested ? describe(nested)
                            : entry.value() instanceof YamlNode.Scalar scalar ? scalar.text()
                            : entry.value().describe());
        }
        return text.append('}').toString();
    }
}
