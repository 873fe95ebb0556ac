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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Plans one datasource's tables: checks every table, column and value against the database, orders the tables by
 * their foreign keys, fills in missing ids ({@link RowKeys}) and resolves references ({@link ReferenceResolver}).
 * Only reads; a plan either comes out complete or an {@link InvalidSeedException} says what to fix. When no row
 * needs a lookup, the rows can go to a {@link BackgroundWriter} while later ones are still planned.
 */
final class SeedPlanner {

    /** Rows of a table handed to the writer at a time while its later rows are still being planned. */
    private static final int EARLY_ROWS = 5_000;

    private final String file;
    private final SeedStore store;
    private final ValueConverter converter;
    private final Map<String, TableSchema> schemas = new HashMap<>();
    private final Set<String> seeded = new HashSet<>();
    private final ReferenceResolver references;
    private final RowKeys keys;
    /** True once a row needs the database to be planned: a reference, or a missing primary key to look up. */
    private boolean lookups;

    /** @param reset true when the seeded tables are emptied first: their current rows are then ignored */
    SeedPlanner(String file, SeedStore store, Instant now, boolean reset) {
        this.file = file;
        this.store = store;
        this.converter = new ValueConverter(file, now);
        this.references = new ReferenceResolver(file, store, converter, schemas, seeded, reset);
        this.keys = new RowKeys(file, store, reset);
    }

    SeedPlan plan(List<SeedTable> tables) throws SQLException {
        return plan(tables, null);
    }

    /**
     * @param writer when given, and no row needs a database lookup to be planned (which could otherwise see rows
     *               written meanwhile), each table's rows go to it as they are planned, in the order the plan would
     *               write them; {@link SeedPlan#written()} tells whether they did
     */
    SeedPlan plan(List<SeedTable> tables, BackgroundWriter writer) throws SQLException {
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
        BackgroundWriter early = lookups ? null : writer;
        List<TablePlan> plans = new ArrayList<>();
        for (SeedTable table : TableOrder.sort(tables, parents, file)) {
            plans.add(planTable(table, schemas.get(table.name()), early));
        }
        return new SeedPlan(plans, early != null);
    }

    /** The seeded tables this one's rows need first: foreign-key targets and tables its references name. */
    private Set<String> parentsOf(SeedTable table, TableSchema schema) {
        Set<String> parents = new TreeSet<>();
        schema.foreignKeys().stream().map(TableSchema.ForeignKey::referencedTable).filter(seeded::contains)
                .forEach(parents::add);
        CellColumns columns = new CellColumns(schema);
        List<String> key = store.upserts() ? schema.primaryKey() : List.of();
        CellColumn[] checked = null;
        for (SeedRow row : table.rows()) {
            List<Entry> cells = row.cells();
            CellColumn[] rowColumns = columns.of(cells);
            for (int i = 0; i < rowColumns.length; i++) {
                YamlNode value = cells.get(i).value();
                if (value instanceof YamlNode.Mapping) {
                    references.collectTargets(value, rowColumns[i].column(), parents);
                    lookups |= ReferenceResolver.isReference(value, rowColumns[i].column());
                }
            }
            if (rowColumns != checked) { // rows with the same keys give the same key columns
                checked = rowColumns;
                lookups |= !givesAll(rowColumns, key);
            }
        }
        return parents;
    }

    private static boolean givesAll(CellColumn[] columns, List<String> names) {
        for (String name : names) {
            boolean given = false;
            for (CellColumn column : columns) {
                given |= column.name().equals(name);
            }
            if (!given) {
                return false;
            }
        }
        return true;
    }

    /**
     * A cell's column.
     *
     * @param name      the cell's key
     * @param key       {@code table.column}, for messages
     * @param converter converts the column's values
     */
    private record CellColumn(String name, Column column, String key, ValueConverter.ForColumn converter) {
    }

    /**
     * The columns of one table's cells, each looked up (and checked) once per table; consecutive rows that give the
     * same keys in the same order (the parser shares key strings) share one array.
     */
    private final class CellColumns {

        private final TableSchema schema;
        private final Map<String, CellColumn> known = new HashMap<>();
        private CellColumn[] last;

        CellColumns(TableSchema schema) {
            this.schema = schema;
        }

        /** The columns of the cells, in cell order; throws for the first unknown column. */
        CellColumn[] of(List<Entry> cells) {
            if (last != null && last.length == cells.size()) {
                int i = 0;
                while (i < last.length && last[i].name() == cells.get(i).key()) {
                    i++;
                }
                if (i == last.length) {
                    return last;
                }
            }
            CellColumn[] columns = new CellColumn[cells.size()];
            for (int i = 0; i < columns.length; i++) {
                columns[i] = of(cells.get(i));
            }
            last = columns;
            return columns;
        }

        private CellColumn of(Entry cell) {
            CellColumn column = known.get(cell.key());
            if (column == null) {
                Column found = schema.columns().get(cell.key());
                if (found == null) {
                    throw new InvalidSeedException(file, cell.line(), schema.name() + "." + cell.key(),
                            "no such column in table " + schema.name() + " (columns: "
                            + String.join(", ", schema.columns().keySet()) + ")", "Fix the column name");
                }
                String key = schema.name() + "." + cell.key();
                column = new CellColumn(cell.key(), found, key, converter.forColumn(found, key));
                known.put(cell.key(), column);
            }
            return column;
        }
    }

    /** @param writer takes the rows as they are planned, or null */
    private TablePlan planTable(SeedTable table, TableSchema schema, BackgroundWriter writer) throws SQLException {
        List<String> key = store.upserts() ? schema.primaryKey() : List.of();
        if (store.upserts() && key.isEmpty()) {
            throw new InvalidSeedException(file, table.line(), table.name(), "the table has no primary key, so a "
                    + "second run could not tell its rows from new ones", "Add a primary key to the table");
        }
        Map<Object, Integer> keyLines = new HashMap<>();
        Map<List<Object>, List<PlannedRow>> groups = new LinkedHashMap<>();
        CellColumns cellColumns = new CellColumns(schema);
        List<Column> required = schema.columns().values().stream().filter(c -> !c.nullable() && !c.hasDefault())
                .toList();
        List<String> shapeColumns = List.of();
        Set<String> shapeInsertOnly = Set.of();
        List<PlannedRow> group = null;
        List<PlannedRow> first = null; // the first group: handed over in chunks while later rows are planned
        RowGroup firstShape = null;
        boolean remembered = references.remembers(table.name());
        for (SeedRow seedRow : table.rows()) {
            RowValues row = convert(schema, cellColumns.of(seedRow.cells()), seedRow);
            keys.fill(schema, seedRow, key, row);
            requireNotNullColumns(schema, seedRow, row, required);
            requireUniqueKey(table, seedRow, key, row, keyLines);
            if (remembered) {
                references.remember(table.name(), row.asMap());
            }
            if (group == null || !row.hasExactly(shapeColumns) || !shapeInsertOnly.equals(row.insertOnly())) {
                // rows mostly repeat the previous row's shape: only a new one needs the group lookup
                shapeColumns = schema.columns().keySet().stream().filter(row::has).toList();
                shapeInsertOnly = new TreeSet<>(row.insertOnly());
                group = groups.computeIfAbsent(List.of(shapeColumns, shapeInsertOnly), k -> new ArrayList<>());
                if (first == null) {
                    first = group;
                    firstShape = rowGroup(shapeColumns, key, shapeInsertOnly, List.of());
                }
            }
            group.add(row.planned(file, seedRow.line(), shapeColumns));
            if (writer != null && group == first && first.size() == EARLY_ROWS) {
                writer.write(schema, firstShape.with(List.copyOf(first)));
                first.clear(); // written rows need not stay in memory
            }
        }
        List<RowGroup> rowGroups = new ArrayList<>();
        groups.forEach((shape, rows) -> {
            @SuppressWarnings("unchecked") List<String> columns = (List<String>) shape.get(0);
            @SuppressWarnings("unchecked") Set<String> insertOnly = (Set<String>) shape.get(1);
            rowGroups.add(rowGroup(columns, key, insertOnly, rows));
        });
        if (writer != null) {
            for (RowGroup rowGroup : rowGroups) {
                if (!rowGroup.rows().isEmpty()) {
                    writer.write(schema, rowGroup.with(List.copyOf(rowGroup.rows())));
                }
            }
            return new TablePlan(schema, table.line(), List.of(), table.rows().size());
        }
        return new TablePlan(schema, table.line(), rowGroups);
    }

    private static RowGroup rowGroup(List<String> columns, List<String> key, Set<String> insertOnly,
                                     List<PlannedRow> rows) {
        return new RowGroup(columns, columns.containsAll(key) ? key : List.of(), insertOnly, rows);
    }

    /** Converts every cell of a row by its column's type, resolving references. */
    private RowValues convert(TableSchema schema, CellColumn[] columns, SeedRow seedRow) throws SQLException {
        List<Entry> cells = seedRow.cells();
        RowValues row = new RowValues(cells.size() + 1);
        for (int i = 0; i < columns.length; i++) {
            Entry cell = cells.get(i);
            Column column = columns[i].column();
            YamlNode value = cell.value();
            if (value instanceof YamlNode.Mapping ref && ReferenceResolver.isReference(value, column)) {
                row.add(cell.key(), references.resolve(ref, schema, cell.key()), cell.line());
            } else {
                if (ValueConverter.isNow(value, column.type())) {
                    row.addInsertOnly(cell.key());
                }
                row.add(cell.key(), columns[i].converter().convert(value), cell.line());
            }
        }
        return row;
    }

    private void requireUniqueKey(SeedTable table, SeedRow row, List<String> key, RowValues values,
                                  Map<Object, Integer> keyLines) {
        if (key.isEmpty() || !values.hasAll(key)) {
            return;
        }
        Object keyValue; // a one-column key is compared as itself, a longer one as the list of its values
        if (key.size() == 1) {
            keyValue = RowIndex.normalize(values.get(key.get(0)));
        } else {
            List<Object> keyValues = new ArrayList<>(key.size());
            for (String column : key) {
                keyValues.add(RowIndex.normalize(values.get(column)));
            }
            keyValue = keyValues;
        }
        Integer first = keyLines.putIfAbsent(keyValue, row.line());
        if (first != null) {
            throw new InvalidSeedException(file, row.line(), table.name() + "." + String.join(",", key),
                    "same primary key as the row at line " + first, "Remove one of the two rows or give it "
                    + "another key");
        }
    }

    /** @param required the table's NOT NULL columns without a default */
    private void requireNotNullColumns(TableSchema schema, SeedRow row, RowValues values, List<Column> required) {
        for (Column column : required) {
            if (!values.has(column.name())) {
                throw new InvalidSeedException(file, row.line(), schema.name() + "." + column.name(), "the row "
                        + "leaves out a NOT NULL column that has no default", "Add " + column.name()
                        + ": <value> to the row");
            }
        }
    }

}
