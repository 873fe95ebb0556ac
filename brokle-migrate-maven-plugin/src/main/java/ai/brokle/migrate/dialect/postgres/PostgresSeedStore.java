package ai.brokle.migrate.dialect.postgres;

import ai.brokle.migrate.seed.ColumnType;
import ai.brokle.migrate.seed.RowGroup;
import ai.brokle.migrate.seed.RowGroup.PlannedRow;
import ai.brokle.migrate.seed.SeedStore;
import ai.brokle.migrate.seed.TableSchema;
import ai.brokle.migrate.seed.TableSchema.Column;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Seeds PostgreSQL idempotently, in one transaction:
 * <pre>
 * INSERT INTO t AS existing (cols) VALUES (?, ...), (?, ...) ...
 * ON CONFLICT (pk) DO UPDATE SET col = EXCLUDED.col, ...
 *   WHERE (existing.col, ...) IS DISTINCT FROM (EXCLUDED.col, ...)
 * RETURNING (xmax = 0)
 * </pre>
 * A row whose values already match is not touched (no write, no trigger, {@code updated_at} keeps its value) and
 * returns nothing: "unchanged". Returned rows are "inserted" when {@code xmax = 0} (a fresh tuple) and "updated"
 * otherwise. Rows go in batches of up to 1,000 per statement, every value a bind parameter; each batch runs under a
 * savepoint so a refused batch can be replayed row by row to name the refused row.
 */
final class PostgresSeedStore implements SeedStore {

    private static final int MAX_ROWS_PER_STATEMENT = 1000;
    private static final int MAX_PARAMETERS = 30_000;
    /** Types without an equality operator: compared as text. */
    private static final Set<String> NO_EQUALITY = Set.of("json", "xml", "point", "line", "lseg", "box", "path",
            "polygon", "circle");

    private final Connection connection;
    private final PostgresSeedCatalog catalog;
    private final Map<String, String> sqlNames = new HashMap<>();

    PostgresSeedStore(Connection connection) {
        this.connection = connection;
        this.catalog = new PostgresSeedCatalog(connection);
    }

    @Override
    public Map<String, TableSchema> describe(Collection<String> tables) throws SQLException {
        PostgresSeedCatalog.Tables described = catalog.describe(tables);
        sqlNames.putAll(described.sqlNames());
        return described.schemas();
    }

    @Override
    public List<List<Object>> find(TableSchema table, List<String> select, List<String> where, List<Object> values)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ").append(columnList(select, "")).append(" FROM ")
                .append(sqlName(table)).append(" WHERE ");
        for (int i = 0; i < where.size(); i++) {
            sql.append(i == 0 ? "" : " AND ").append(quote(where.get(i)))
                    .append(values.get(i) == null ? " IS NULL" : " = ?");
        }
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            int parameter = 1;
            for (int i = 0; i < where.size(); i++) {
                if (values.get(i) != null) {
                    bind(statement, parameter++, table.columns().get(where.get(i)).type(), values.get(i));
                }
            }
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    List<Object> row = new ArrayList<>(select.size());
                    for (int i = 1; i <= select.size(); i++) {
                        row.add(rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    @Override
    public boolean upserts() {
        return true;
    }

    @Override
    public void begin() throws SQLException {
        connection.setAutoCommit(false);
    }

    @Override
    public void commit() throws SQLException {
        connection.commit();
    }

    @Override
    public void rollback() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // the connection is gone: the server rolls the transaction back itself
        }
    }

    @Override
    public long deleteAll(TableSchema table) throws SQLException {
        try (var statement = connection.createStatement()) {
            return statement.executeUpdate(deleteStatement(table));
        }
    }

    @Override
    public String deleteStatement(TableSchema table) {
        return "DELETE FROM " + sqlName(table);
    }

    @Override
    public String writeStatement(TableSchema table, RowGroup group) {
        return upsert(table, group, 1);
    }

    @Override
    public WriteCounts write(TableSchema table, RowGroup group) throws SQLException {
        int perStatement = Math.max(1, Math.min(MAX_ROWS_PER_STATEMENT, MAX_PARAMETERS
                / Math.max(1, group.columns().size())));
        List<PlannedRow> rows = group.rows();
        WriteCounts counts = WriteCounts.NONE;
        PreparedStatement full = null;
        try {
            for (int from = 0; from < rows.size(); from += perStatement) {
                List<PlannedRow> batch = rows.subList(from, Math.min(rows.size(), from + perStatement));
                if (batch.size() == perStatement && full == null) {
                    full = connection.prepareStatement(upsert(table, group, perStatement));
                }
                counts = counts.plus(writeBatch(table, group, batch, batch.size() == perStatement ? full : null));
            }
        } finally {
            if (full != null) {
                full.close();
            }
        }
        return counts;
    }

    private WriteCounts writeBatch(TableSchema table, RowGroup group, List<PlannedRow> batch,
                                   PreparedStatement reusable) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try {
            WriteCounts counts = execute(table, group, batch, reusable);
            connection.releaseSavepoint(savepoint);
            return counts;
        } catch (SQLException refused) {
            connection.rollback(savepoint);
            for (PlannedRow row : batch) {
                try {
                    execute(table, group, List.of(row), null);
                } catch (SQLException e) {
                    throw PostgresRowError.of(table, group, row, e);
                }
            }
            throw refused;
        }
    }

    private WriteCounts execute(TableSchema table, RowGroup group, List<PlannedRow> rows,
                                PreparedStatement reusable) throws SQLException {
        PreparedStatement statement = reusable != null ? reusable
                : connection.prepareStatement(upsert(table, group, rows.size()));
        try {
            int parameter = 1;
            for (PlannedRow row : rows) {
                for (int i = 0; i < row.values().length; i++) {
                    bind(statement, parameter++, table.columns().get(group.columns().get(i)).type(),
                            row.values()[i]);
                }
            }
            long inserted = 0;
            long returned = 0;
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    returned++;
                    inserted += rs.getBoolean(1) ? 1 : 0;
                }
            }
            return new WriteCounts(inserted, returned - inserted, rows.size() - returned);
        } finally {
            if (statement != reusable) {
                statement.close();
            }
        }
    }

    /** The upsert for {@code rows} rows of the group (see the class comment). */
    private String upsert(TableSchema table, RowGroup group, int rows) {
        String placeholders = group.columns().stream().map(c -> "?").collect(Collectors.joining(", ", "(", ")"));
        StringBuilder sql = new StringBuilder(64 + rows * placeholders.length())
                .append("INSERT INTO ").append(sqlName(table)).append(" AS existing (")
                .append(columnList(group.columns(), "")).append(") VALUES ");
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "" : ", ").append(placeholders);
        }
        List<String> updatable = group.updatable();
        if (group.key().isEmpty()) {
            return sql.append(" RETURNING true").toString();
        }
        sql.append(" ON CONFLICT (").append(columnList(group.key(), "")).append(") ");
        if (updatable.isEmpty()) {
            return sql.append("DO NOTHING RETURNING true").toString();
        }
        sql.append("DO UPDATE SET ").append(updatable.stream().map(c -> quote(c) + " = EXCLUDED." + quote(c))
                .collect(Collectors.joining(", ")));
        sql.append(" WHERE (").append(comparable(table, updatable, "existing.")).append(") IS DISTINCT FROM (")
                .append(comparable(table, updatable, "EXCLUDED.")).append(")");
        return sql.append(" RETURNING (xmax = 0)").toString();
    }

    private String comparable(TableSchema table, List<String> columns, String prefix) {
        return columns.stream().map(c -> prefix + quote(c) + (NO_EQUALITY.contains(
                table.columns().get(c).type().sqlName()) ? "::text" : "")).collect(Collectors.joining(", "));
    }

    /** Binds a value by its column's type; text-like values the server must parse go untyped (Types.OTHER). */
    private void bind(PreparedStatement statement, int index, ColumnType type, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.OTHER);
            return;
        }
        switch (type.kind()) {
            case TEXT -> statement.setString(index, value.toString());
            case INTEGER -> {
                if (value instanceof BigInteger big) {
                    statement.setBigDecimal(index, new BigDecimal(big));
                } else {
                    statement.setLong(index, ((Number) value).longValue());
                }
            }
            case DECIMAL -> statement.setBigDecimal(index, value instanceof BigDecimal decimal ? decimal
                    : new BigDecimal(value.toString()));
            case FLOAT -> statement.setDouble(index, ((Number) value).doubleValue());
            case BOOLEAN -> statement.setBoolean(index, (Boolean) value);
            case TIMESTAMP, TIMESTAMP_TZ, DATE, TIME, UUID -> statement.setObject(index, value);
            case ARRAY -> statement.setArray(index, connection.createArrayOf(type.element().sqlName(),
                    ((List<?>) value).stream().map(PostgresSeedStore::arrayElement).toArray()));
            default -> statement.setObject(index, value.toString(), Types.OTHER); // JSON, ENUM, MAP, OTHER
        }
    }

    private static Object arrayElement(Object value) {
        return value == null || value instanceof Number || value instanceof Boolean || value instanceof String
                ? value : value.toString();
    }

    private String sqlName(TableSchema table) {
        return sqlNames.getOrDefault(table.name(), quote(table.name()));
    }

    private static String columnList(List<String> columns, String prefix) {
        return columns.stream().map(c -> prefix + quote(c)).collect(Collectors.joining(", "));
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
