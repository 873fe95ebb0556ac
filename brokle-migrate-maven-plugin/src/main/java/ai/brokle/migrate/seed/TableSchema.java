package ai.brokle.migrate.seed;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the database says about one table.
 *
 * @param name        the table as the seed file names it
 * @param columns     insertable columns by name, in table order
 * @param primaryKey  primary-key columns; empty when the table has none (or the database has no unique keys)
 * @param uniqueKeys  other unique keys usable to find an existing row (no partial or expression indexes)
 * @param foreignKeys foreign keys, with referenced tables named as the seed file would name them
 */
public record TableSchema(String name, Map<String, Column> columns, List<String> primaryKey,
                          List<List<String>> uniqueKeys, List<ForeignKey> foreignKeys) {

    public Optional<Column> column(String name) {
        return Optional.ofNullable(columns.get(name));
    }

    /** The columns a row must give: NOT NULL ones without a default. */
    public List<Column> required() {
        return columns.values().stream().filter(c -> !c.nullable() && !c.hasDefault()).toList();
    }

    /** The foreign key that starts at exactly this one column, if any. */
    public Optional<ForeignKey> foreignKeyOf(String column) {
        return foreignKeys.stream().filter(fk -> fk.columns().equals(List.of(column))).findFirst();
    }

    /** @param nullable   false for NOT NULL columns
     *  @param hasDefault true when the database fills the column if a row leaves it out */
    public record Column(String name, ColumnType type, boolean nullable, boolean hasDefault) {
    }

    public record ForeignKey(List<String> columns, String referencedTable, List<String> referencedColumns) {
    }
}
