package ai.brokle.migrate.dialect.postgres;

import ai.brokle.migrate.seed.TableSchema;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The SQL text of the seed statements, built from identifiers only (values travel as COPY data or {@code ?}): COPY,
 * the staging table and the upsert from it, the lookups of references, and the reset's DELETE.
 */
final class PostgresSeedSql {

    /** The staging table of an upsert (dropped after it, and at the latest when the transaction ends). */
    static final String STAGE = "pg_temp.brokle_seed_stage";
    /** The staging table's row number: the order COPY read the rows in. */
    static final String ROW = "brokle_seed_row";
    /** Types without an equality operator: compared as text. */

    private final Map<String, String> sqlNames = new HashMap<>();

    void learn(Map<String, String> tableSqlNames) {
        sqlNames.putAll(tableSqlNames);
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

    /** COPY in CSV format into {@code target} (a table's SQL name), skipping a header line when there is one. */
    static String copy(String target, List<String> columns, boolean header) {
        return "COPY " + target + " (" + columnList(columns) + ") FROM STDIN (FORMAT csv" + (header ? ", HEADER true"
                : "") + ")";
    }

    /** An empty staging table with the columns' types, plus the row number COPY fills in read order. */
    List<String> createStage(TableSchema table, List<String> columns) {
        return List.of("CREATE TEMP TABLE brokle_seed_stage ON COMMIT DROP AS SELECT " + columnList(columns)
                + " FROM " + table(table) + " WITH NO DATA", "ALTER TABLE " + STAGE + " ADD COLUMN " + ROW
                + " bigint GENERATED ALWAYS AS IDENTITY");
    }

    /**
     * The upsert of the staged rows numbered up to the parameter (see {@link PostgresSeedStore}).
     *
     * @param key       the conflict key; empty for rows the database gives their key
     * @param updatable the columns a conflicting row's values overwrite
     */
    String upsert(TableSchema table, List<String> columns, List<String> key, List<String> updatable) {
        StringBuilder sql = new StringBuilder(256).append("INSERT INTO ").append(table(table))
                .append(" AS existing (").append(columnList(columns)).append(") SELECT ").append(columnList(columns))
                .append(" FROM ").append(STAGE).append(" WHERE ").append(ROW).append(" <= ?");
        if (key.isEmpty()) {
            return sql.append(" RETURNING true").toString();
        }
        sql.append(" ON CONFLICT (").append(columnList(key)).append(") ");
        if (updatable.isEmpty()) {
            return sql.append("DO NOTHING RETURNING true").toString();
        }
        sql.append("DO UPDATE SET ").append(updatable.stream().map(c -> quote(c) + " = EXCLUDED." + quote(c))
                .collect(Collectors.joining(", ")));
        sql.append(" WHERE (").append(comparable(updatable, "existing.")).append(") IS DISTINCT FROM (")
                .append(comparable(updatable, "EXCLUDED.")).append(")");
        return sql.append(" RETURNING (xmax = 0)").toString();
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

    /**
     * The columns as text: every type has a text form, not every type an equality (json, xml, geometric types, arrays
     * and domains of them), and a seed value that reads differently (1.0 against 1.00) is a change to write.
     */
    private static String comparable(List<String> columns, String prefix) {
        return columns.stream().map(c -> prefix + quote(c) + "::text").collect(Collectors.joining(", "));
    }

    private static String columnList(List<String> columns) {
        return columns.stream().map(PostgresSeedSql::quote).collect(Collectors.joining(", "));
    }

    static String quote(String identifier) {
        return PostgresNames.quote(identifier);
    }
}
