package ai.brokle.migrate.dialect.postgres;

import ai.brokle.migrate.dialect.RowReader;
import ai.brokle.migrate.schema.SchemaObject;
import ai.brokle.migrate.schema.SchemaSnapshot;
import ai.brokle.migrate.schema.SchemaSnapshot.Column;
import ai.brokle.migrate.schema.SchemaSnapshot.Table;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Reads the schema of every user schema of the connection's database from the catalogs into the neutral model:
 * tables (partitioning, persistence, row level security, storage parameters, replica identity, clustering index),
 * columns (type, default, nullability, identity, generated, storage, statistics target, compression, options,
 * order), constraints, indexes, views and materialized views (and their options), functions and procedures, triggers
 * (and whether they fire), policies, rules, extended statistics, publications, enums and other types, sequences,
 * extensions, schemas and comments. Ownership and grants are left out, and so are the plugin's tracking tables.
 * Objects of the current schema are named without it.
 */
final class PostgresSnapshot {

    private static final String USER_SCHEMA = "n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'";
    private static final String NOT_EXTENSION = "NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.objid = %s "
            + "AND x.deptype = 'e')";

    private final Connection connection;
    private final Set<String> excluded;
    private final List<SchemaObject> objects = new ArrayList<>();

    /** @param excluded tracking tables (names as this snapshot gives them) and their schema, left out */
    PostgresSnapshot(Connection connection, Set<String> excluded) {
        this.connection = connection;
        this.excluded = excluded;
    }

    private static String qualified(String name) {
        return "CASE WHEN n.nspname = current_schema() THEN '' ELSE n.nspname || '.' END || " + name;
    }

    SchemaSnapshot read() throws SQLException {
        List<Table> tables = tables();
        relationObjects();
        constraints();
        indexes();
        functions();
        triggers();
        policiesRulesStatistics();
        publications();
        types();
        sequences();
        query("SELECT extname, extversion, obj_description(oid, 'pg_extension') FROM pg_extension "
                + "WHERE extname <> 'plpgsql'", rs -> object("extension", rs.getString(1), null,
                "version " + rs.getString(2), rs.getString(3)));
        query("SELECT n.nspname, obj_description(n.oid, 'pg_namespace') FROM pg_namespace n WHERE " + USER_SCHEMA
                + " AND n.nspname <> 'public'", rs -> object("schema", rs.getString(1), null, "", rs.getString(2)));
        return SchemaSnapshot.of(tables, objects);
    }

    private List<Table> tables() throws SQLException {
        Map<String, List<Column>> columns = new LinkedHashMap<>();
        Map<String, String> comments = new LinkedHashMap<>();
        Map<String, Map<String, String>> properties = new LinkedHashMap<>();
        query("SELECT " + qualified("c.relname") + ", obj_description(c.oid, 'pg_class'), c.relkind, "
                + "CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END, "
                + "CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END, "
                + "CASE WHEN c.relpersistence = 'u' THEN 'UNLOGGED' END, "
                + "CASE WHEN c.relrowsecurity OR c.relforcerowsecurity THEN concat_ws(', ', CASE WHEN c.relrowsecurity "
                + "THEN 'ENABLE' END, CASE WHEN c.relforcerowsecurity THEN 'FORCE' END) END, "
                + "array_to_string(c.reloptions, ', '), CASE c.relreplident WHEN 'n' THEN 'NOTHING' WHEN 'f' THEN 'FULL' "
                + "WHEN 'i' THEN 'USING INDEX ' || (SELECT ic.relname FROM pg_index i JOIN pg_class ic "
                + "ON ic.oid = i.indexrelid WHERE i.indrelid = c.oid AND i.indisreplident) END, (SELECT ic.relname "
                + "FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid WHERE i.indrelid = c.oid AND i.indisclustered) "
                + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p') AND "
                + USER_SCHEMA + " AND " + NOT_EXTENSION.formatted("c.oid") + " ORDER BY 1", rs -> {
                    String name = rs.getString(1);
                    columns.put(name, new ArrayList<>());
                    comments.put(name, rs.getString(2));
                    Map<String, String> props = new LinkedHashMap<>();
                    putIfSet(props, "partition key", rs.getString(4));
                    putIfSet(props, "partition bound", rs.getString(5));
                    putIfSet(props, "persistence", rs.getString(6));
                    putIfSet(props, "row level security", rs.getString(7));
                    putIfSet(props, "storage parameters", rs.getString(8));
                    putIfSet(props, "replica identity", rs.getString(9));
                    putIfSet(props, "clustered on", rs.getString(10));
                    properties.put(name, props);
                });
        query("SELECT " + qualified("c.relname") + ", a.attname, format_type(a.atttypid, a.atttypmod), "
                + "pg_get_expr(d.adbin, d.adrelid), a.attnotnull, a.attidentity, a.attgenerated, "
                + "col_description(a.attrelid, a.attnum), CASE WHEN a.attstorage <> t.typstorage THEN "
                + "CASE a.attstorage WHEN 'p' THEN 'PLAIN' WHEN 'e' THEN 'EXTERNAL' WHEN 'm' THEN 'MAIN' ELSE 'EXTENDED' "
                + "END END, CASE WHEN a.attstattarget >= 0 THEN a.attstattarget::text END, CASE a.attcompression "
                + "WHEN 'p' THEN 'pglz' WHEN 'l' THEN 'lz4' END, array_to_string(a.attoptions, ', ') "
                + "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
                + "JOIN pg_type t ON t.oid = a.atttypid "
                + "JOIN pg_namespace n ON n.oid = c.relnamespace LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid "
                + "AND d.adnum = a.attnum WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p') AND "
                + USER_SCHEMA + " ORDER BY 1, a.attnum", rs -> {
                    List<Column> of = columns.get(rs.getString(1));
                    if (of == null) {
                        return;
                    }
                    Map<String, String> attributes = new LinkedHashMap<>();
                    attributes.put("type", rs.getString(3));
                    attributes.put("nullability", rs.getBoolean(5) ? "NOT NULL" : "NULL");
                    String expression = rs.getString(4);
                    String generated = rs.getString(7);
                    if (generated != null && !generated.isEmpty()) {
                        putIfSet(attributes, "generated", "ALWAYS AS (" + expression + ")"
                                + (generated.equals("s") ? " STORED" : " VIRTUAL"));
                    } else {
                        putIfSet(attributes, "default", expression);
                    }
                    String identity = rs.getString(6);
                    if ("a".equals(identity) || "d".equals(identity)) {
                        attributes.put("identity", identity.equals("a") ? "GENERATED ALWAYS" : "GENERATED BY DEFAULT");
                    }
                    putIfSet(attributes, "storage", rs.getString(9));
                    putIfSet(attributes, "statistics target", rs.getString(10));
                    putIfSet(attributes, "compression", rs.getString(11));
                    putIfSet(attributes, "options", rs.getString(12));
                    of.add(new Column(rs.getString(2), attributes, rs.getString(8)));
                });
        List<Table> tables = new ArrayList<>();
        columns.forEach((name, cols) -> {
            if (!excluded.contains(name)) {
                tables.add(new Table(name, cols, properties.get(name), comments.get(name)));
            }
        });
        return tables;
    }

    private void relationObjects() throws SQLException {
        query("SELECT " + qualified("c.relname") + ", c.relkind, pg_get_viewdef(c.oid, true) "
                + "|| coalesce(' WITH (' || array_to_string(c.reloptions, ', ') || ')', ''), "
                + "obj_description(c.oid, 'pg_class') FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE c.relkind IN ('v', 'm') AND " + USER_SCHEMA + " AND " + NOT_EXTENSION.formatted("c.oid"),
                rs -> object(rs.getString(2).equals("m") ? "materialized view" : "view", rs.getString(1), null,
                        rs.getString(3), rs.getString(4)));
    }

    private void constraints() throws SQLException {
        tableObjects("constraint", "SELECT " + qualified("c.relname") + ", k.conname, pg_get_constraintdef(k.oid), "
                + "obj_description(k.oid, 'pg_constraint') FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid "
                + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE k.contype <> 'n' AND " + USER_SCHEMA,
                definition -> definition);
    }

    /** Indexes that no primary key, unique or exclusion constraint owns (those are compared as constraints). */
    private void indexes() throws SQLException {
        tableObjects("index", "SELECT " + qualified("c.relname") + ", ic.relname, pg_get_indexdef(i.indexrelid), "
                + "obj_description(i.indexrelid, 'pg_class') FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid "
                + "JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE "
                + USER_SCHEMA + " AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid "
                + "AND k.conrelid = i.indrelid AND k.contype IN ('p', 'u', 'x'))", withoutName("(?:UNIQUE )?INDEX"));
    }

    private void functions() throws SQLException {
        query("SELECT " + qualified("p.proname") + " || '(' || pg_get_function_identity_arguments(p.oid) || ')', "
                + "p.prokind, CASE WHEN p.prokind IN ('f', 'p', 'w') THEN pg_get_functiondef(p.oid) END, "
                + "obj_description(p.oid, 'pg_proc') FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
                + "WHERE " + USER_SCHEMA + " AND " + NOT_EXTENSION.formatted("p.oid"), rs -> {
                    String kind = switch (rs.getString(2)) {
                        case "p" -> "procedure";
                        case "a" -> "aggregate";
                        default -> "function";
                    };
                    String definition = rs.getString(3);
                    object(kind, rs.getString(1), null, definition == null ? kind : definition, rs.getString(4));
                });
    }

    private void triggers() throws SQLException {
        tableObjects("trigger", "SELECT " + qualified("c.relname") + ", t.tgname, pg_get_triggerdef(t.oid) || "
                + "CASE t.tgenabled WHEN 'D' THEN ' (DISABLED)' WHEN 'A' THEN ' (ENABLE ALWAYS)' "
                + "WHEN 'R' THEN ' (ENABLE REPLICA)' ELSE '' END, "
                + "obj_description(t.oid, 'pg_trigger') FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE NOT t.tgisinternal AND " + USER_SCHEMA,
                withoutName("(?:CONSTRAINT )?TRIGGER"));
    }

    /** Row level security policies, rewrite rules (not a view's own) and extended statistics. */
    private void policiesRulesStatistics() throws SQLException {
        tableObjects("policy", "SELECT " + qualified("c.relname") + ", p.polname, 'FOR ' || CASE p.polcmd "
                + "WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE' WHEN 'd' THEN 'DELETE' "
                + "ELSE 'ALL' END || CASE WHEN p.polpermissive THEN '' ELSE ' AS RESTRICTIVE' END || ' TO ' || "
                + "(SELECT string_agg(CASE WHEN r = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(r) END, ', ' ORDER BY r) "
                + "FROM unnest(p.polroles) r) || coalesce(' USING (' || pg_get_expr(p.polqual, p.polrelid) || ')', '') "
                + "|| coalesce(' WITH CHECK (' || pg_get_expr(p.polwithcheck, p.polrelid) || ')', ''), "
                + "obj_description(p.oid, 'pg_policy') FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid "
                + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE " + USER_SCHEMA, definition -> definition);
        tableObjects("rule", "SELECT " + qualified("c.relname") + ", r.rulename, pg_get_ruledef(r.oid), "
                + "obj_description(r.oid, 'pg_rewrite') FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class "
                + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE r.rulename <> '_RETURN' AND " + USER_SCHEMA,
                withoutName("RULE"));
        tableObjects("statistics", "SELECT " + qualified("c.relname") + ", s.stxname, "
                + "pg_get_statisticsobjdef(s.oid) || CASE WHEN s.stxstattarget >= 0 THEN ' STATISTICS ' || "
                + "s.stxstattarget ELSE '' END, obj_description(s.oid, 'pg_statistic_ext') FROM pg_statistic_ext s "
                + "JOIN pg_class c ON c.oid = s.stxrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE "
                + USER_SCHEMA, withoutName("STATISTICS"));
    }

    /** Publications: their tables (the current schema's without it) and what they publish. */
    private void publications() throws SQLException {
        query("SELECT p.pubname, CASE WHEN p.puballtables THEN 'FOR ALL TABLES' ELSE 'FOR TABLE ' || coalesce(("
                + "SELECT string_agg(" + qualified("c.relname") + ", ', ' ORDER BY n.nspname, c.relname) "
                + "FROM pg_publication_rel x "
                + "JOIN pg_class c ON c.oid = x.prrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE x.prpubid = p.oid), '') END || ' WITH (publish = ' || concat_ws(', ', CASE WHEN p.pubinsert "
                + "THEN 'insert' END, CASE WHEN p.pubupdate THEN 'update' END, CASE WHEN p.pubdelete THEN 'delete' END, "
                + "CASE WHEN p.pubtruncate THEN 'truncate' END) || ')', obj_description(p.oid, 'pg_publication') "
                + "FROM pg_publication p", rs -> object("publication", rs.getString(1), null, rs.getString(2),
                rs.getString(3)));
    }

    /** Drops the object's own name from its {@code CREATE <kind> name ...}, so a renamed object compares equal. */
    private static UnaryOperator<String> withoutName(String kind) {
        return definition -> definition.replaceFirst("^CREATE (" + kind + ") (\"[^\"]+\"|\\S+) ", "CREATE $1 ");
    }

    /** A table's objects from (table, name, definition, comment) rows; {@code nameless} drops the names. */
    private void tableObjects(String kind, String sql, UnaryOperator<String> nameless) throws SQLException {
        query(sql, rs -> object(kind, rs.getString(2), rs.getString(1), nameless.apply(rs.getString(3)),
                rs.getString(4)));
    }

    /** Enums (labels in order), domains, composite and range types. */
    private void types() throws SQLException {
        query("SELECT " + qualified("t.typname") + ", t.typtype, CASE t.typtype "
                + "WHEN 'e' THEN (SELECT string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder) "
                + "FROM pg_enum e WHERE e.enumtypid = t.oid) "
                + "WHEN 'd' THEN format_type(t.typbasetype, t.typtypmod) || coalesce(' DEFAULT ' || t.typdefault, '') "
                + "|| CASE WHEN t.typnotnull THEN ' NOT NULL' ELSE '' END || coalesce((SELECT ' ' || "
                + "string_agg(pg_get_constraintdef(k.oid), ' ' ORDER BY k.conname) FROM pg_constraint k "
                + "WHERE k.contypid = t.oid AND k.contype <> 'n'), '') "
                + "WHEN 'c' THEN (SELECT string_agg(quote_ident(a.attname) || ' ' || format_type(a.atttypid, "
                + "a.atttypmod), ', ' ORDER BY a.attnum) FROM pg_attribute a WHERE a.attrelid = t.typrelid "
                + "AND a.attnum > 0 AND NOT a.attisdropped) "
                + "ELSE (SELECT 'range of ' || format_type(r.rngsubtype, NULL) FROM pg_range r WHERE r.rngtypid = t.oid) "
                + "END, obj_description(t.oid, 'pg_type') FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace "
                + "WHERE t.typtype IN ('e', 'd', 'c', 'r') AND " + USER_SCHEMA + " AND " + NOT_EXTENSION.formatted("t.oid")
                + " AND (t.typrelid = 0 OR (SELECT r.relkind FROM pg_class r WHERE r.oid = t.typrelid) = 'c')",
                rs -> {
                    boolean isEnum = rs.getString(2).equals("e");
                    object(isEnum ? SchemaObject.ENUM : "type", rs.getString(1), null,
                            isEnum ? "(" + rs.getString(3) + ")" : rs.getString(3), rs.getString(4));
                });
    }

    /** Sequences, except those behind identity columns (the column's identity says it). */
    private void sequences() throws SQLException {
        query("SELECT " + qualified("c.relname") + ", format_type(s.seqtypid, NULL) || ' START ' || s.seqstart || "
                + "' INCREMENT ' || s.seqincrement || ' MINVALUE ' || s.seqmin || ' MAXVALUE ' || s.seqmax || "
                + "' CACHE ' || s.seqcache || CASE WHEN s.seqcycle THEN ' CYCLE' ELSE '' END, "
                + "obj_description(c.oid, 'pg_class') FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid "
                + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE " + USER_SCHEMA + " AND "
                + NOT_EXTENSION.formatted("c.oid") + " AND NOT EXISTS (SELECT 1 FROM pg_depend x "
                + "WHERE x.objid = c.oid AND x.deptype = 'i')",
                rs -> object("sequence", rs.getString(1), null, rs.getString(2), rs.getString(3)));
    }

    private void object(String kind, String name, String table, String definition, String comment) {
        if (!excluded.contains(table == null ? name : table)) {
            objects.add(new SchemaObject(kind, name, table, definition, comment));
        }
    }

    private static void putIfSet(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private void query(String sql, RowReader row) throws SQLException {
        RowReader.forEachRow(connection, sql, row);
    }
}
