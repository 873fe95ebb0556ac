package ai.brokle.migrate.dialect.clickhouse;

import ai.brokle.migrate.dialect.RowReader;
import ai.brokle.migrate.lint.Ddl;
import ai.brokle.migrate.schema.SchemaObject;
import ai.brokle.migrate.schema.SchemaSnapshot;
import ai.brokle.migrate.schema.SchemaSnapshot.Column;
import ai.brokle.migrate.schema.SchemaSnapshot.Table;
import ai.brokle.migrate.sql.SqlLexer;
import ai.brokle.migrate.sql.SqlSyntax;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the connection's current database from {@code system.tables} (engine, partition, sorting, primary and
 * sampling keys, TTL, settings, comment; constraints, projections and column statistics from the table's CREATE
 * statement), {@code system.columns} (type, default, codec, comment, order) and {@code system.data_skipping_indices};
 * views, materialized views and dictionaries by their definition. The plugin's tracking tables are left out.
 */
final class ClickHouseSnapshot {

    private static final Pattern CLAUSES = Pattern.compile(
            " (PARTITION BY|PRIMARY KEY|ORDER BY|SAMPLE BY|TTL|SETTINGS) ");
    private static final Pattern STATISTICS = Pattern.compile("\\sSTATISTICS\\s*\\(([^)]*)\\)");
    private static final SqlLexer LEXER = new SqlLexer(SqlSyntax.CLICKHOUSE);
    private static final Map<String, String> OBJECT_ENGINES = Map.of("View", "view",
            "MaterializedView", "materialized view", "LiveView", "view", "WindowView", "view",
            "Dictionary", "dictionary");

    private final Connection connection;
    private final Set<String> excluded;

    ClickHouseSnapshot(Connection connection, Set<String> excluded) {
        this.connection = connection;
        this.excluded = excluded;
    }

    SchemaSnapshot read() throws SQLException {
        String database = single("SELECT currentDatabase()");
        Map<String, List<Column>> columns = new LinkedHashMap<>();
        Map<String, Table> shells = new LinkedHashMap<>();
        List<SchemaObject> objects = new ArrayList<>();
        Map<String, Map<String, String>> statistics = new LinkedHashMap<>();
        query("SELECT name, engine, engine_full, partition_key, sorting_key, primary_key, sampling_key, comment, "
                + "create_table_query FROM system.tables WHERE database = currentDatabase() AND NOT is_temporary "
                + "ORDER BY name", rs -> {
                    String name = rs.getString(1);
                    if (excluded.contains(name)) {
                        return;
                    }
                    String kind = OBJECT_ENGINES.get(rs.getString(2));
                    String comment = emptyAsNull(rs.getString(8));
                    if (kind != null) {
                        objects.add(new SchemaObject(kind, name, null, withoutDatabase(rs.getString(9), database),
                                comment));
                        return;
                    }
                    columns.put(name, new ArrayList<>());
                    shells.put(name, new Table(name, List.of(), properties(rs), comment));
                    statistics.put(name, elements(name, rs.getString(9), objects));
                });
        query("SELECT table, name, type, default_kind, default_expression, compression_codec, comment "
                + "FROM system.columns WHERE database = currentDatabase() ORDER BY table, position", rs -> {
                    List<Column> of = columns.get(rs.getString(1));
                    if (of == null) {
                        return;
                    }
                    Map<String, String> attributes = new LinkedHashMap<>();
                    attributes.put("type", rs.getString(3));
                    String kind = rs.getString(4);
                    if (kind != null && !kind.isEmpty()) {
                        attributes.put("default", kind + " " + rs.getString(5));
                    }
                    putIfSet(attributes, "codec", rs.getString(6));
                    putIfSet(attributes, "statistics", statistics.get(rs.getString(1)).get(rs.getString(2)));
                    of.add(new Column(rs.getString(2), attributes, emptyAsNull(rs.getString(7))));
                });
        query("SELECT table, name, expr, type_full, granularity FROM system.data_skipping_indices "
                + "WHERE database = currentDatabase()", rs -> {
                    if (columns.containsKey(rs.getString(1))) {
                        objects.add(new SchemaObject("index", rs.getString(2), rs.getString(1), rs.getString(3)
                                + " TYPE " + rs.getString(4) + " GRANULARITY " + rs.getString(5), null));
                    }
                });
        List<Table> tables = new ArrayList<>();
        shells.forEach((name, shell) -> tables.add(new Table(name, columns.get(name), shell.properties(),
                shell.comment())));
        return SchemaSnapshot.of(tables, objects);
    }

    /**
     * The table's constraints and projections (added to {@code objects}) and its columns' statistics (returned by
     * column), read from the element list of its CREATE statement; literals and quoted names do not split it.
     */
    private static Map<String, String> elements(String table, String create, List<SchemaObject> objects) {
        Map<String, String> statistics = new LinkedHashMap<>();
        char[] masked = create.toCharArray();
        for (int i = 0; i < create.length(); i++) {
            SqlLexer.Region region = LEXER.regionAt(create, i);
            if (region != null) {
                SqlLexer.blank(masked, region.contentStart(), region.contentEnd());
                i = region.end() - 1;
            }
        }
        String text = new String(masked);
        int open = text.indexOf('(');
        if (open < 0) {
            return statistics;
        }
        for (Ddl.Action part : Ddl.splitTopLevel(text, open + 1, Ddl.matchingParen(text, open))) {
            String element = create.substring(part.offset(), part.offset() + part.text().length());
            String[] words = element.split("\\s+", 3);
            if ((words[0].equals("CONSTRAINT") || words[0].equals("PROJECTION")) && words.length == 3) {
                objects.add(new SchemaObject(words[0].toLowerCase(), words[1], table, words[2], null));
            } else {
                Matcher m = STATISTICS.matcher(part.text()); // not inside a default's string
                if (m.find()) {
                    statistics.put(words[0].replace("`", ""), element.substring(m.start(1), m.end(1)));
                }
            }
        }
        return statistics;
    }

    private static Map<String, String> properties(ResultSet rs) throws SQLException {
        Map<String, String> properties = new LinkedHashMap<>();
        String full = rs.getString(3) == null ? "" : rs.getString(3);
        Matcher clause = CLAUSES.matcher(full);
        properties.put("engine", clause.find() ? full.substring(0, clause.start()) : full);
        putIfSet(properties, "partition key", rs.getString(4));
        putIfSet(properties, "sorting key", rs.getString(5));
        putIfSet(properties, "primary key", rs.getString(6));
        putIfSet(properties, "sampling key", rs.getString(7));
        putIfSet(properties, "TTL", group(full, " TTL (.+?)(?= SETTINGS |$)"));
        putIfSet(properties, "settings", group(full, " SETTINGS (.+)$"));
        return properties;
    }

    private static String group(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? m.group(1) : null;
    }

    /** Definitions name their own database; snapshots of two databases must compare by the rest. */
    private static String withoutDatabase(String sql, String database) {
        return sql.replace("`" + database + "`.", "").replace(database + ".", "");
    }

    private static String emptyAsNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static void putIfSet(Map<String, String> map, String key, String value) {
        if (value != null && !value.isEmpty()) {
            map.put(key, value);
        }
    }

    private void query(String sql, RowReader row) throws SQLException {
        RowReader.forEachRow(connection, sql, row);
    }

    private String single(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
