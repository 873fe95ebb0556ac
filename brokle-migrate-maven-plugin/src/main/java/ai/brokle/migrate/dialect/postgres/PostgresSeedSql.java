package ai.brokle.migrate.dialect.postgres;

import ai.brokle.migrate.seed.RowGroup;
import ai.brokle.migrate.seed.TableSchema;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The SQL text of the seed statements, built from identifiers only (every value is a {@code ?}): the upsert over
 * VALUES or over column arrays, the lookups of references, and the reset's DELETE.
 */
final class PostgresSeedSql {

    /** Types without an equality operator: compared as text. */
    private static final Set<String> NO_EQUALITY = Set.of("json", "xml", "point", "line", "lseg", "box", "path",
            "polygon", "circle");

    private final Map<String, String> sqlNames = new HashMap<>();
    private final Map<String, Map<String, String>> castTypes = new HashMap<>();

    void learn(PostgresSeedCatalog.Tables tables) {
        sqlNames.putAll(tables.sqlNames());
        castTypes.putAll(tables.castTypes());
    }

    /** The table as SQL names it: schema-qualified and quoted as needed. */
    String table(TableSchema table) {
        return sqlNames.getOrDefault(table.name(), quote(table.name()));
    }

    String select(TableSchema table, List<String> select, List<String> where, List<Object> values) {
        StringBuilder sql = new StringBuilder("SELECT ").append(columnList(select)).append(" FROM ")
                .append(table(table)).append(" WHERE ");
        for (int i = 0; i < where.size(); i++) {
            sql.append(i == 0 ? "" : " AND ").append(quote(where.get(i)))
                    .append(values.get(i) == null ? " IS NULL" : " = ?");
        }
        return sql.toString();
    }

    /** The bulk insert of {@link PostgresSeedCopy}: values follow as COPY data, never in the SQL. */
    String copy(TableSchema table, RowGroup group) {
        return "COPY " + table(table) + " (" + columnList(group.columns()) + ") FROM STDIN";
    }

    /**
     * True (one row, one column) when the table, named by the parameter, has no rows and no rules (COPY skips
     * rules, so such a table always gets the upsert).
     */
    String emptyWithoutRules(TableSchema table) {
        return "SELECT NOT EXISTS (SELECT 1 FROM " + table(table) + ") AND NOT c.relhasrules FROM pg_class c "
                + "WHERE c.oid = CAST(? AS regclass)";
    }

    String delete(TableSchema table) {
        return "DELETE FROM " + table(table);
    }

    /** The columns of a named constraint of the table (a CHECK's columns are not in its error message). */
    String constraintColumns() {
        return "SELECT a.attname FROM pg_constraint con JOIN pg_attribute a ON a.attrelid = con.conrelid "
                + "AND a.attnum = ANY(con.conkey) WHERE con.conname = ? AND con.conrelid = ?::regclass";
    }

    /** The upsert (see {@link PostgresSeedStore}) for {@code rows} rows of VALUES, or for column arrays if 0. */
    String upsert(TableSchema table, RowGroup group, int rows) {
        StringBuilder sql = new StringBuilder(256).append("INSERT INTO ").append(table(table))
                .append(" AS existing (").append(columnList(group.columns())).append(") ");
        if (rows == 0) {
            Map<String, String> casts = castTypes.getOrDefault(table.name(), Map.of());
            sql.append("SELECT * FROM unnest(").append(group.columns().stream()
                    .map(c -> "CAST(? AS " + casts.getOrDefault(c, "text") + "[])")
                    .collect(Collectors.joining(", "))).append(")");
        } else {
            String placeholders = group.columns().stream().map(c -> "?")
                    .collect(Collectors.joining(", ", "(", ")"));
            sql.append("VALUES ");
            for (int i = 0; i < rows; i++) {
                sql.append(i == 0 ? "" : ", ").append(placeholders);
            }
        }
        List<String> updatable = group.updatable();
        if (group.key().isEmpty()) {
            return sql.append(" RETURNING true").toString();
        }
        sql.append(" ON CONFLICT (").append(columnList(group.key())).append(") ");
        if (updatable.isEmpty()) {
            return sql.append("DO NOTHING RETURNING true").toString();
        }
        sql.append("DO UPDATE SET ").append(updatable.stream().map(c -> quote(c) + " = EXCLUDED." + quote(c))
                .collect(Collectors.joining(", ")));
        sql.append(" WHERE (").append(comparable(table, updatable, "existing.")).append(") IS DISTINCT FROM (")
                .append(comparable(table, updatable, "EXCLUDED.")).append(")");
        return sql.append(" RETURNING (xmax = 0)").toString();
    }

    private static String comparable(TableSchema table, List<String> columns, String prefix) {
        return columns.stream().map(c -> prefix + quote(c) + (NO_EQUALITY.contains(
                table.columns().get(c).type().sqlName()) ? "::text" : "")).collect(Collectors.joining(", "));
    }

    private static String columnList(List<String> columns) {
        return columns.stream().map(PostgresSeedSql::quote).collect(Collectors.joining(", "));
    }

    static String quote(String identifier) {
        return PostgresNames.quote(identifier);
    }
}
