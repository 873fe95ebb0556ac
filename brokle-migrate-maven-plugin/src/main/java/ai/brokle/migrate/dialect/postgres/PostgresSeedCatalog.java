package ai.brokle.migrate.dialect.postgres;

import ai.brokle.migrate.dialect.RowReader;
import ai.brokle.migrate.seed.ColumnType;
import ai.brokle.migrate.seed.ColumnType.Kind;
import ai.brokle.migrate.seed.TableSchema;
import ai.brokle.migrate.seed.TableSchema.Column;
import ai.brokle.migrate.seed.TableSchema.ForeignKey;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads tables, columns, keys and enum labels from pg_catalog, for all seeded tables in four queries. Table names
 * resolve like SQL does (search_path, optional schema prefix).
 */
final class PostgresSeedCatalog {

    private static final String TABLES = "SELECT n, c.oid, c.oid::regclass::text FROM unnest(?::text[]) AS n "
            + "JOIN pg_class c ON c.oid = to_regclass(n) WHERE c.relkind IN ('r', 'p')";
    private static final String COLUMNS = "SELECT a.attrelid, a.attname, format_type(a.atttypid, a.atttypmod), "
            + "t.typname, t.typtype, t.typcategory, a.atttypmod, NOT a.attnotnull, "
            + "a.atthasdef OR a.attidentity <> '', a.attgenerated <> '', e.typname, e.typtype, "
            + "CASE WHEN t.typtype = 'e' THEN t.oid ELSE e.oid END "
            + "FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid "
            + "LEFT JOIN pg_type e ON e.oid = t.typelem AND t.typcategory = 'A' "
            + "WHERE a.attrelid = ANY(?) AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attrelid, a.attnum";
    private static final String ENUM_LABELS = "SELECT enumtypid, enumlabel FROM pg_enum WHERE enumtypid = ANY(?) "
            + "ORDER BY enumtypid, enumsortorder";
    private static final String KEYS = "SELECT con.conrelid, con.contype, "
            + "ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(n, i) JOIN pg_attribute a "
            + "  ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.i), "
            + "con.confrelid, con.confrelid::regclass::text, "
            + "ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(n, i) JOIN pg_attribute a "
            + "  ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.i) "
            + "FROM pg_constraint con WHERE con.conrelid = ANY(?) AND con.contype IN ('p', 'f') "
            + "UNION ALL "
            + "SELECT i.indrelid, 'u', ARRAY(SELECT a.attname FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(n, o) "
            + "  JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.n ORDER BY k.o), 0, NULL, NULL "
            + "FROM pg_index i WHERE i.indrelid = ANY(?) AND i.indisunique AND NOT i.indisprimary "
            + "AND i.indpred IS NULL AND i.indexprs IS NULL "
            + "ORDER BY 1, 2, 3";

    private final Connection connection;

    PostgresSeedCatalog(Connection connection) {
        this.connection = connection;
    }

    /** Seed name → table, plus each table's SQL name (schema-qualified and quoted as needed). */
    record Tables(Map<String, TableSchema> schemas, Map<String, String> sqlNames) {
    }

    Tables describe(Collection<String> names) throws SQLException {
        Map<Long, String> seedNames = new LinkedHashMap<>();
        Map<String, String> sqlNames = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(TABLES)) {
            statement.setArray(1, connection.createArrayOf("text", names.toArray()));
            RowReader.forEachRow(statement, rs -> {
                seedNames.put(rs.getLong(2), rs.getString(1));
                sqlNames.put(rs.getString(1), rs.getString(3));
            });
        }
        Map<String, TableSchema> schemas = new LinkedHashMap<>();
        if (seedNames.isEmpty()) {
            return new Tables(schemas, sqlNames);
        }
        Array oids = connection.createArrayOf("oid", seedNames.keySet().toArray());
        Map<Long, Map<String, Column>> columns = columns(oids);
        Map<Long, List<String>> primaryKeys = new HashMap<>();
        Map<Long, List<List<String>>> uniqueKeys = new HashMap<>();
        Map<Long, List<ForeignKey>> foreignKeys = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(KEYS)) {
            statement.setArray(1, oids);
            statement.setArray(2, oids);
            RowReader.forEachRow(statement, rs -> {
                long table = rs.getLong(1);
                List<String> keyColumns = strings(rs.getArray(3));
                switch (rs.getString(2)) {
                    case "p" -> primaryKeys.put(table, keyColumns);
                    case "u" -> uniqueKeys.computeIfAbsent(table, t -> new ArrayList<>()).add(keyColumns);
                    default -> {
                        String referenced = seedNames.getOrDefault(rs.getLong(4), rs.getString(5));
                        foreignKeys.computeIfAbsent(table, t -> new ArrayList<>())
                                .add(new ForeignKey(keyColumns, referenced, strings(rs.getArray(6))));
                    }
                }
            });
        }
        seedNames.forEach((oid, name) -> schemas.put(name, new TableSchema(name,
                columns.getOrDefault(oid, Map.of()), primaryKeys.getOrDefault(oid, List.of()),
                uniqueKeys.getOrDefault(oid, List.of()), foreignKeys.getOrDefault(oid, List.of()))));
        return new Tables(schemas, sqlNames);
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray()).map(Object::toString).toList();
    }

    private Map<Long, Map<String, Column>> columns(Array oids) throws SQLException {
        record Raw(long table, String name, String sqlName, String typeName, String typeType, String category,
                   int typmod, boolean nullable, boolean hasDefault, String elementName, String elementType,
                   long enumOid) {
        }
        List<Raw> raws = new ArrayList<>();
        List<Long> enums = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(COLUMNS)) {
            statement.setArray(1, oids);
            RowReader.forEachRow(statement, rs -> {
                if (rs.getBoolean(10)) {
                    return; // generated columns cannot be written
                }
                Raw raw = new Raw(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getInt(7), rs.getBoolean(8), rs.getBoolean(9),
                        rs.getString(11), rs.getString(12), rs.getLong(13));
                raws.add(raw);
                if (raw.enumOid() != 0) {
                    enums.add(raw.enumOid());
                }
            });
        }
        Map<Long, List<String>> labels = enumLabels(enums);
        Map<Long, Map<String, Column>> columns = new HashMap<>();
        for (Raw raw : raws) {
            ColumnType type;
            if ("A".equals(raw.category()) && raw.elementName() != null) {
                // the element's name is its pg_type name: createArrayOf needs exactly that
                type = ColumnType.array(raw.sqlName(), type(raw.elementName(), raw.elementType(),
                        raw.elementName(), raw.typmod(), labels.get(raw.enumOid())));
            } else {
                type = type(raw.typeName(), raw.typeType(), raw.sqlName(), raw.typmod(), labels.get(raw.enumOid()));
            }
            columns.computeIfAbsent(raw.table(), t -> new LinkedHashMap<>())
                    .put(raw.name(), new Column(raw.name(), type, raw.nullable(), raw.hasDefault()));
        }
        return columns;
    }

    private Map<Long, List<String>> enumLabels(List<Long> enums) throws SQLException {
        Map<Long, List<String>> labels = new HashMap<>();
        if (enums.isEmpty()) {
            return labels;
        }
        try (PreparedStatement statement = connection.prepareStatement(ENUM_LABELS)) {
            statement.setArray(1, connection.createArrayOf("oid", enums.toArray()));
            RowReader.forEachRow(statement, rs -> labels.computeIfAbsent(rs.getLong(1), t -> new ArrayList<>())
                    .add(rs.getString(2)));
        }
        return labels;
    }

    /** Maps a PostgreSQL type (pg_type.typname, typtype) to the seeder's kinds. */
    static ColumnType type(String typeName, String typeType, String sqlName, int typmod, List<String> labels) {
        if ("e".equals(typeType)) {
            return ColumnType.enumeration(sqlName, labels == null ? List.of() : labels);
        }
        return switch (typeName) {
            case "text", "name", "citext" -> ColumnType.text(sqlName, null);
            case "varchar", "bpchar" -> ColumnType.text(sqlName, typmod > 4 ? typmod - 4 : null);
            case "int2" -> ColumnType.signed(sqlName, 16);
            case "int4" -> ColumnType.signed(sqlName, 32);
            case "int8" -> ColumnType.signed(sqlName, 64);
            case "numeric" -> typmod >= 4 ? ColumnType.decimal(sqlName, ((typmod - 4) >> 16) & 0xffff,
                    (typmod - 4) & 0xffff) : ColumnType.decimal(sqlName, null, null);
            case "float4", "float8" -> ColumnType.of(Kind.FLOAT, sqlName);
            case "bool" -> ColumnType.of(Kind.BOOLEAN, sqlName);
            case "timestamp" -> ColumnType.of(Kind.TIMESTAMP, sqlName);
            case "timestamptz" -> ColumnType.of(Kind.TIMESTAMP_TZ, sqlName);
            case "date" -> ColumnType.of(Kind.DATE, sqlName);
            case "time" -> ColumnType.of(Kind.TIME, sqlName);
            case "uuid" -> ColumnType.of(Kind.UUID, sqlName);
            case "json", "jsonb" -> ColumnType.of(Kind.JSON, sqlName);
            default -> ColumnType.of(Kind.OTHER, sqlName);
        };
    }
}
