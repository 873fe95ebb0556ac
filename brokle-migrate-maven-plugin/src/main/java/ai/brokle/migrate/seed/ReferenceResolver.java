package ai.brokle.migrate.seed;

import ai.brokle.migrate.seed.TableSchema.Column;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves {@code {ref: organizations, slug: acme-corp}} to the referenced row's key. The row may be in this seed
 * (planned earlier: referenced tables are ordered first) or already in the database; exactly one must match. Keys
 * may themselves be references: {@code {ref: projects, slug: api, organization_id: {ref: organizations, slug: acme}}}.
 */
final class ReferenceResolver {

    private final String file;
    private final SeedStore store;
    private final ValueConverter converter;
    private final Map<String, TableSchema> schemas;
    private final Set<String> seeded;
    private final boolean reset;
    /** Seeded tables some reference points at: only their planned rows are kept for matching. */
    private final Set<String> referenced = new HashSet<>();
    private final RowIndex planned = new RowIndex();
    private final Map<List<Object>, Object> cache = new HashMap<>();

    /**
     * @param schemas the seeded tables' schemas; tables only referenced are described on first use and added
     * @param reset   true when the seeded tables are emptied first: their database rows then cannot match
     */
    ReferenceResolver(String file, SeedStore store, ValueConverter converter, Map<String, TableSchema> schemas,
                      Set<String> seeded, boolean reset) {
        this.file = file;
        this.store = store;
        this.converter = converter;
        this.schemas = schemas;
        this.seeded = seeded;
        this.reset = reset;
    }

    /** A map with a {@code ref} key is a reference, except in JSON and map columns, where maps are data. */
    static boolean isReference(Node node, Column column) {
        boolean data = column != null && (column.type().kind() == ColumnType.Kind.JSON
                || column.type().kind() == ColumnType.Kind.MAP);
        return !data && node instanceof MappingNode mapping && YamlNodes.entry(mapping, "ref").isPresent();
    }

    /** Adds the seeded tables a value references (nested references included) to {@code into}. */
    void collectTargets(Node node, Column column, Set<String> into) {
        if (!isReference(node, column)) {
            return;
        }
        MappingNode ref = (MappingNode) node;
        if (YamlNodes.entry(ref, "ref").orElseThrow().getValueNode() instanceof ScalarNode target
                && seeded.contains(target.getValue())) {
            into.add(target.getValue());
            referenced.add(target.getValue());
        }
        for (NodeTuple key : ref.getValue()) {
            collectTargets(key.getValueNode(), null, into);
        }
    }

    /** True when planned rows of the table are kept for references to match (see {@link #remember}). */
    boolean remembers(String table) {
        return referenced.contains(table);
    }

    /** Records a planned row, so later references can match it before it is written. */
    void remember(String table, Map<String, Object> values) {
        if (referenced.contains(table)) {
            planned.add(table, values);
        }
    }

    /** The referenced row's key (the foreign key's target column); exactly one row may match. */
    Object resolve(MappingNode ref, TableSchema from, String fromColumn) throws SQLException {
        String key = from.name() + "." + fromColumn;
        NodeTuple refEntry = YamlNodes.entry(ref, "ref").orElseThrow();
        int refLine = YamlNodes.line(refEntry.getKeyNode());
        if (!(refEntry.getValueNode() instanceof ScalarNode target) || YamlNodes.isNull(target)) {
            throw new InvalidSeedException(file, refLine, key, "ref must name a table",
                    "Write e.g. {ref: organizations, slug: acme-corp}");
        }
        TableSchema schema = schema(target.getValue(), refLine, key);
        String select = targetColumn(from, fromColumn, schema, refLine, key);
        List<String> where = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (NodeTuple entry : ref.getValue()) {
            if (entry == refEntry) {
                continue;
            }
            String name = YamlNodes.text(entry.getKeyNode());
            Column column = schema.column(name).orElseThrow(() -> new InvalidSeedException(file,
                    YamlNodes.line(entry.getKeyNode()), key, "the reference names column " + name + ", which table "
                    + schema.name() + " does not have", "Use a column of " + schema.name() + " (columns: "
                    + String.join(", ", schema.columns().keySet()) + ")"));
            where.add(name);
            values.add(isReference(entry.getValueNode(), column)
                    ? resolve((MappingNode) entry.getValueNode(), schema, name)
                    : converter.convert(entry.getValueNode(), column, schema.name() + "." + name));
        }
        if (where.isEmpty()) {
            throw new InvalidSeedException(file, YamlNodes.line(ref), key, "the reference names no column to match",
                    "Add a unique column of " + schema.name() + ", e.g. {ref: " + schema.name() + ", slug: ...}");
        }
        List<Object> cacheKey = List.of(schema.name(), select, where, RowIndex.normalize(values));
        if (cache.containsKey(cacheKey)) {
            return cache.get(cacheKey);
        }
        List<Object> matches = new ArrayList<>(planned.find(schema.name(), where, values, select));
        if (!(reset && seeded.contains(schema.name()))) {
            matches.addAll(databaseMatches(schema, select, where, values));
        }
        String described = describe(ref);
        if (matches.size() != 1) {
            throw new InvalidSeedException(file, YamlNodes.line(ref), key, "reference " + described + " matches "
                    + (matches.isEmpty() ? "no row" : matches.size() + " rows (" + select + " " + matches + ")")
                    + " of " + schema.name() + (reset && seeded.contains(schema.name()) ? " in this seed" : ""),
                    matches.isEmpty() ? "Fix the value, or add the row to the seed"
                            : "Match on a unique column (or more columns) so exactly one row fits");
        }
        if (matches.get(0) == null) {
            throw new InvalidSeedException(file, YamlNodes.line(ref), key, "reference " + described + " matches a row whose "
                    + select + " is not known before it is inserted", "Give that row its " + select);
        }
        cache.put(cacheKey, matches.get(0));
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
                .or(() -> to.primaryKey().size() == 1 ? Optional.of(to.primaryKey().get(0))
                        : Optional.empty())
                .orElseThrow(() -> new InvalidSeedException(file, line, key, "cannot tell which column of "
                        + to.name() + " the reference stands for (no foreign key from " + fromColumn + " and no "
                        + "single-column primary key)", "Write the value itself instead of a reference"));
    }

    private static String describe(MappingNode ref) {
        StringBuilder text = new StringBuilder("{");
        for (NodeTuple entry : ref.getValue()) {
            Node value = entry.getValueNode();
            text.append(text.length() > 1 ? ", " : "").append(YamlNodes.text(entry.getKeyNode())).append(": ")
                    .append(value instanceof MappingNode nested ? describe(nested)
                            : value instanceof ScalarNode scalar ? scalar.getValue() : YamlNodes.describe(value));
        }
        return text.append('}').toString();
    }
}
