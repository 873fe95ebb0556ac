package ai.brokle.migrate.schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A database's schema in neutral terms, as a dialect reads it from its catalogs: tables with their columns and
 * properties, and every other named object (index, constraint, view, function, trigger, type, sequence, ...) with a
 * normalised definition. Two snapshots of the same database compare with {@link SchemaDiff}.
 *
 * @param tables  by name
 * @param objects by {@link SchemaObject#key()}
 */
public record SchemaSnapshot(Map<String, Table> tables, Map<String, SchemaObject> objects) {

    public SchemaSnapshot {
        tables = Map.copyOf(tables);
        objects = Map.copyOf(objects);
    }

    public static SchemaSnapshot of(List<Table> tables, List<SchemaObject> objects) {
        Map<String, Table> byName = new LinkedHashMap<>();
        tables.forEach(t -> byName.put(t.name(), t));
        Map<String, SchemaObject> byKey = new LinkedHashMap<>();
        objects.forEach(o -> byKey.put(o.key(), o));
        return new SchemaSnapshot(byName, byKey);
    }

    public boolean isEmpty() {
        return tables.isEmpty() && objects.isEmpty();
    }

    /**
     * A table (or ClickHouse table of any engine that stores data).
     *
     * @param columns    in their order in the table
     * @param properties what defines the table besides its columns (ClickHouse: engine, sorting key, TTL, ...)
     * @param comment    the table's comment, or null
     */
    public record Table(String name, List<Column> columns, Map<String, String> properties, String comment) {
        public Table {
            columns = List.copyOf(columns);
            properties = Map.copyOf(properties);
        }
    }

    /**
     * @param attributes what defines the column, in display form: {@code type}, {@code default}, {@code nullability},
     *                   {@code identity}, {@code generated}, {@code codec}; an absent key means "none"
     * @param comment    the column's comment, or null
     */
    public record Column(String name, Map<String, String> attributes, String comment) {
        public Column {
            attributes = Map.copyOf(attributes);
        }
    }
}
