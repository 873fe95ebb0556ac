package ai.brokle.migrate.seed;

import ai.brokle.migrate.seed.RowGroup.PlannedRow;
import ai.brokle.migrate.seed.SeedPlan.TablePlan;
import ai.brokle.migrate.seed.SeedSet.Cell;
import ai.brokle.migrate.seed.SeedSet.SeedRow;
import ai.brokle.migrate.seed.SeedSet.SeedTable;
import ai.brokle.migrate.seed.TableSchema.Column;
import org.yaml.snakeyaml.nodes.MappingNode;

import java.io.IOException;
import java.nio.file.Files;
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
 * Plans one datasource's tables: checks every table, column and value against the database (and every CSV file's
 * header), orders the tables by their foreign keys, fills in missing ids ({@link RowKeys}) and resolves references
 * ({@link ReferenceResolver}). Only reads; a plan either comes out complete or an {@link InvalidSeedException} says
 * what to fix.
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
            TableSchema schema = schemas.get(table.name());
            plans.add(table.csv() != null ? new TablePlan(schema, table.line(), List.of(), csv(table, schema))
                    : planTable(table, schema));
        }
        return new SeedPlan(plans);
    }

    /** The seeded tables this one's rows need first: foreign-key targets and tables its references name. */
    private Set<String> parentsOf(SeedTable table, TableSchema schema) {
        Set<String> parents = new TreeSet<>();
        schema.foreignKeys().stream().map(TableSchema.ForeignKey::referencedTable).filter(seeded::contains)
                .forEach(parents::add);
        for (SeedRow row : table.rows()) {
            for (Cell cell : row.cells()) {
                Column column = column(schema, cell); // every column is checked before any table is planned
                if (cell.value() instanceof MappingNode) {
                    references.collectTargets(cell.value(), column, parents);
                }
            }
        }
        return parents;
    }

    private Column column(TableSchema schema, Cell cell) {
        return schema.column(cell.key()).orElseThrow(() -> new InvalidSeedException(file, cell.line(),
                schema.name() + "." + cell.key(), "no such column in table " + schema.name() + " (columns: "
                + String.join(", ", schema.columns().keySet()) + ")", "Fix the column name"));
    }

    /** A CSV table: the file must exist and its header name the table's columns, keys and required columns. */
    private CsvFile csv(SeedTable table, TableSchema schema) {
        SeedSet.CsvSource source = table.csv();
        if (!Files.isRegularFile(source.path())) {
            throw new InvalidSeedException(file, table.line(), table.name(), "the CSV file " + source.shown()
                    + " does not exist (" + source.path() + ")", "Fix the path: it is relative to the project "
                    + "directory, e.g. {csv: seeds/" + table.name() + ".csv}");
        }
        List<String> header;
        try {
            header = CsvFile.header(source.path());
        } catch (IOException e) {
            throw new InvalidSeedException(file, table.line(), table.name(), "cannot read the CSV file "
                    + source.shown() + ": " + e.getMessage(), "Check that the file is readable UTF-8 text");
        }
        String fix = "The first line of the CSV file names the columns of " + schema.name() + ", e.g. "
                + String.join(",", schema.columns().keySet());
        if (header == null || header.equals(List.of(""))) {
            throw new InvalidSeedException(source.shown(), 1, table.name(), "the CSV file has no header line", fix);
        }
        Set<String> given = new HashSet<>();
        for (String column : header) {
            if (schema.column(column).isEmpty()) {
                throw new InvalidSeedException(source.shown(), 1, schema.name() + "." + column, "the CSV header "
                        + "names a column table " + schema.name() + " does not have (columns: "
                        + String.join(", ", schema.columns().keySet()) + ")", fix);
            }
            if (!given.add(column)) {
                throw new InvalidSeedException(source.shown(), 1, schema.name() + "." + column, "the CSV header "
                        + "names the column twice", fix);
            }
        }
        List<String> required = new ArrayList<>(upsertKey(table, schema));
        schema.required().stream().map(Column::name).filter(c -> !required.contains(c)).forEach(required::add);
        for (String column : required) {
            if (!given.contains(column)) {
                throw new InvalidSeedException(source.shown(), 1, schema.name() + "." + column, "the CSV header "
                        + "leaves out " + (schema.primaryKey().contains(column) ? "this primary-key column"
                        : "a NOT NULL column that has no default"), "Add the column " + column + " to the file");
            }
        }
        return new CsvFile(source.path(), source.shown(), List.copyOf(header));
    }

    /** The key rows are upserted on: the primary key where the store upserts (required then), else none. */
    private List<String> upsertKey(SeedTable table, TableSchema schema) {
        if (store.upserts() && schema.primaryKey().isEmpty()) {
            throw new InvalidSeedException(file, table.line(), table.name(), "the table has no primary key, so a "
                    + "second run could not tell its rows from new ones", "Add a primary key to the table");
        }
        return store.upserts() ? schema.primaryKey() : List.of();
    }

    private TablePlan planTable(SeedTable table, TableSchema schema) throws SQLException {
        List<String> key = upsertKey(table, schema);
        Map<Object, Integer> keyLines = new HashMap<>();
        Map<List<Object>, List<PlannedRow>> groups = new LinkedHashMap<>();
        List<Column> required = schema.required();
        for (SeedRow seedRow : table.rows()) {
            RowValues row = convert(schema, seedRow);
            keys.fill(schema, seedRow, key, row);
            requireNotNullColumns(schema, seedRow, row, required);
            requireUniqueKey(table, seedRow, key, row, keyLines);
            if (references.remembers(table.name())) {
                references.remember(table.name(), row.asMap());
            }
            List<String> columns = schema.columns().keySet().stream().filter(row::has).toList();
            groups.computeIfAbsent(List.of(columns, Set.copyOf(row.insertOnly())), k -> new ArrayList<>())
                    .add(row.planned(file, seedRow.line(), columns));
        }
        List<RowGroup> rowGroups = new ArrayList<>();
        groups.forEach((shape, rows) -> {
            @SuppressWarnings("unchecked") List<String> columns = (List<String>) shape.get(0);
            @SuppressWarnings("unchecked") Set<String> insertOnly = (Set<String>) shape.get(1);
            rowGroups.add(new RowGroup(columns, columns.containsAll(key) ? key : List.of(), insertOnly, rows));
        });
        return new TablePlan(schema, table.line(), rowGroups, null);
    }

    /** Converts every cell of a row by its column's type, resolving references. */
    private RowValues convert(TableSchema schema, SeedRow seedRow) throws SQLException {
        RowValues row = new RowValues();
        for (Cell cell : seedRow.cells()) {
            Column column = column(schema, cell);
            String key = schema.name() + "." + cell.key();
            if (cell.value() instanceof MappingNode ref && ReferenceResolver.isReference(ref, column)) {
                row.put(cell.key(), references.resolve(ref, schema, cell.key()), cell.line());
            } else {
                if (ValueConverter.isNow(cell.value(), column.type())) {
                    row.addInsertOnly(cell.key());
                }
                row.put(cell.key(), converter.convert(cell.value(), column, key), cell.line());
            }
        }
        return row;
    }

    private void requireUniqueKey(SeedTable table, SeedRow row, List<String> key, RowValues values,
                                  Map<Object, Integer> keyLines) {
        if (key.isEmpty() || !values.hasAll(key)) {
            return;
        }
        List<Object> keyValue = key.stream().map(c -> RowIndex.normalize(values.get(c))).toList();
        Integer first = keyLines.putIfAbsent(keyValue, row.line());
        if (first != null) {
            throw new InvalidSeedException(file, row.line(), table.name() + "." + String.join(",", key),
                    "same primary key as the row at line " + first, "Remove one of the two rows or give it "
                    + "another key");
        }
    }

    /** @param required the columns every row must give */
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
