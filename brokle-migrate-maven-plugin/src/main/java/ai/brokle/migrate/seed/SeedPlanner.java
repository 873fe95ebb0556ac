package ai.brokle.migrate.seed;

import ai.brokle.migrate.seed.RowGroup.PlannedRow;
import ai.brokle.migrate.seed.SeedPlan.TablePlan;
import ai.brokle.migrate.seed.SeedSet.SeedRow;
import ai.brokle.migrate.seed.SeedSet.SeedTable;
import ai.brokle.migrate.seed.TableSchema.Column;
import ai.brokle.migrate.seed.YamlNode.Entry;

import java.sql.SQLException;
import java.time.Instant;
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
 * their foreign keys, fills in missing ids ({@link RowKeys}) and resolves references ({@link ReferenceResolver}).
 * Only reads; a plan either comes out complete or an {@link InvalidSeedException} says what to fix.
 */
final class SeedPlanner {

    private final String file;
    private final SeedStore store;
    private final ValueConverter converter;
    private final Map<String, TableSchema> schemas = new HashMap<>();
    private final Set<String> seeded = new HashSet<>();
    private final ReferenceResolver references;
    private final RowKeys keys;

    /** @param reset true when the seeded tables are emptied first: their current rows are then ignored */
    SeedPlanner(String file, SeedStore store, Instant now, boolean reset) {
        this.file = file;
        this.store = store;
        this.converter = new ValueConverter(file, now);
        this.references = new ReferenceResolver(file, store, converter, schemas, seeded, reset);
        this.keys = new RowKeys(file, store, reset);
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
                references.collectTargets(cell.value(), column(schema, cell), parents);
            }
        }
        return parents;
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
        Map<List<Object>, List<PlannedRow>> groups = new LinkedHashMap<>();
        for (SeedRow seedRow : table.rows()) {
            RowValues row = convert(schema, seedRow);
            keys.fill(schema, seedRow, key, row);
            requireNotNullColumns(schema, seedRow, row.values());
            requireUniqueKey(table, seedRow, key, row.values(), keyLines);
            references.remember(table.name(), row.values());
            List<String> columns = schema.columns().keySet().stream().filter(row.values()::containsKey).toList();
            groups.computeIfAbsent(List.of(columns, new TreeSet<>(row.insertOnly())), k -> new ArrayList<>())
                    .add(row.planned(file, seedRow.line(), columns));
        }
        List<RowGroup> rowGroups = new ArrayList<>();
        groups.forEach((shape, rows) -> {
            @SuppressWarnings("unchecked") List<String> columns = (List<String>) shape.get(0);
            @SuppressWarnings("unchecked") Set<String> insertOnly = (Set<String>) shape.get(1);
            rowGroups.add(new RowGroup(columns, columns.containsAll(key) ? key : List.of(), insertOnly, rows));
        });
        return new TablePlan(schema, table.line(), rowGroups);
    }

    /** Converts every cell of a row by its column's type, resolving references. */
    private RowValues convert(TableSchema schema, SeedRow seedRow) throws SQLException {
        RowValues row = new RowValues(new HashMap<>(), new HashMap<>(), new LinkedHashSet<>());
        for (Entry cell : seedRow.cells()) {
            Column column = column(schema, cell);
            if (ReferenceResolver.isReference(cell.value(), column)) {
                row.values().put(cell.key(), references.resolve((YamlNode.Mapping) cell.value(), schema, cell.key()));
            } else {
                if (ValueConverter.isNow(cell.value(), column.type())) {
                    row.insertOnly().add(cell.key());
                }
                row.values().put(cell.key(), converter.convert(cell.value(), column, schema.name() + "." + cell.key()));
            }
            row.lines().put(cell.key(), cell.line());
        }
        return row;
    }

    private void requireUniqueKey(SeedTable table, SeedRow row, List<String> key, Map<String, Object> values,
                                  Map<List<Object>, Integer> keyLines) {
        if (key.isEmpty() || !values.keySet().containsAll(key)) {
            return;
        }
        Integer first = keyLines.putIfAbsent(RowIndex.normalizeAll(key.stream().map(values::get).toList()),
                row.line());
        if (first != null) {
            throw new InvalidSeedException(file, row.line(), table.name() + "." + String.join(",", key),
                    "same primary key as the row at line " + first, "Remove one of the two rows or give it "
                    + "another key");
        }
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

    /** One row's converted values, the line of each key, and the columns written only on insert ({@code now}). */
    record RowValues(Map<String, Object> values, Map<String, Integer> lines, Set<String> insertOnly) {

        /** The row lined up with {@code columns}, ready to bind. */
        PlannedRow planned(String file, int line, List<String> columns) {
            Object[] rowValues = new Object[columns.size()];
            int[] rowLines = new int[columns.size()];
            for (int i = 0; i < columns.size(); i++) {
                rowValues[i] = values.get(columns.get(i));
                rowLines[i] = lines.getOrDefault(columns.get(i), line);
            }
            return new PlannedRow(file, line, rowValues, rowLines);
        }
    }
}
