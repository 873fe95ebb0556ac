package ai.brokle.migrate.dialect.clickhouse;

import ai.brokle.migrate.Failures;
import ai.brokle.migrate.dialect.RowReader;
import ai.brokle.migrate.seed.ColumnType;
import ai.brokle.migrate.seed.CsvFile;
import ai.brokle.migrate.seed.RowGroup;
import ai.brokle.migrate.seed.RowGroup.PlannedRow;
import ai.brokle.migrate.seed.SeedStore;
import ai.brokle.migrate.seed.SeedWriteException;
import ai.brokle.migrate.seed.TableSchema;
import ai.brokle.migrate.seed.TableSchema.Column;

import com.clickhouse.client.api.ServerException;
import com.clickhouse.client.api.insert.InsertResponse;
import com.clickhouse.client.api.insert.InsertSettings;
import com.clickhouse.data.ClickHouseFormat;
import com.clickhouse.jdbc.ConnectionImpl;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Seeds ClickHouse with plain batched {@code INSERT ... VALUES (?, ...)}, and CSV files with
 * {@code INSERT INTO t (cols) FORMAT CSVWithNames} and the file as the data: ClickHouse has no upsert and no
 * transactions. Seeding twice appends the rows again; ReplacingMergeTree tables (traces, quality_scores,
 * blob_storage_file_log) collapse such duplicates in background merges, MergeTree tables (spans) keep them. Use
 * {@code reset=true} (TRUNCATE TABLE first) to reload ClickHouse seeds exactly.
 */
final class ClickHouseSeedStore implements SeedStore {

    private static final int ROWS_PER_BATCH = 10_000;
    private static final Set<String> NOT_WRITABLE = Set.of("MATERIALIZED", "ALIAS", "EPHEMERAL");
    /** Where ClickHouse's CSV reader stopped: the data row, counted from 1 after the header. */
    private static final Pattern AT_ROW = Pattern.compile("\\(at row (\\d+)\\)");

    private final Connection connection;
    private final Set<String> written = new LinkedHashSet<>();

    ClickHouseSeedStore(Connection connection) {
        this.connection = connection;
    }

    @Override
    public Map<String, TableSchema> describe(Collection<String> tables) throws SQLException {
        Map<String, Map<String, Column>> columns = new LinkedHashMap<>();
        String placeholders = tables.stream().map(t -> "?").collect(Collectors.joining(", "));
        try (PreparedStatement statement = connection.prepareStatement("SELECT c.table, c.name, c.type, "
                + "c.default_kind FROM system.columns c JOIN system.tables t ON t.database = c.database AND "
                + "t.name = c.table WHERE c.database = currentDatabase() AND t.engine <> 'View' AND c.table IN ("
                + placeholders + ") ORDER BY c.table, c.position")) {
            int index = 1;
            for (String table : tables) {
                statement.setString(index++, table);
            }
            RowReader.forEachRow(statement, rs -> {
                Map<String, Column> tableColumns = columns.computeIfAbsent(rs.getString(1), t -> new LinkedHashMap<>());
                if (!NOT_WRITABLE.contains(rs.getString(4))) {
                    String type = rs.getString(3);
                    // ClickHouse fills every left-out column (its DEFAULT or the type's zero value)
                    tableColumns.put(rs.getString(2), new Column(rs.getString(2), ClickHouseTypes.parse(type),
                            ClickHouseTypes.nullable(type), true));
                }
            });
        }
        Map<String, TableSchema> schemas = new LinkedHashMap<>();
        columns.forEach((name, cols) -> schemas.put(name, new TableSchema(name, cols, List.of(), List.of(),
                List.of())));
        return schemas;
    }

    @Override
    public List<List<Object>> find(TableSchema table, List<String> select, List<String> where, List<Object> values)
            throws SQLException {
        String sql = "SELECT " + select.stream().map(ClickHouseSeedStore::quote).collect(Collectors.joining(", "))
                + " FROM " + quote(table.name()) + " WHERE " + where.stream().map(c -> quote(c) + " = ?")
                .collect(Collectors.joining(" AND "));
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < where.size(); i++) {
                bind(statement, i + 1, table.columns().get(where.get(i)).type(), values.get(i));
            }
            return RowReader.values(statement, select.size());
        }
    }

    @Override
    public boolean upserts() {
        return false;
    }

    @Override
    public void begin() {
        written.clear();
    }

    @Override
    public void commit() {
        written.clear();
    }

    @Override
    public void rollback() {
        // no transactions: what was written stays; the error message lists it
    }

    @Override
    public long deleteAll(TableSchema table) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(deleteStatement(table));
            return -1;
        }
    }

    @Override
    public String deleteStatement(TableSchema table) {
        return "TRUNCATE TABLE " + quote(table.name());
    }

    @Override
    public String writeStatement(TableSchema table, RowGroup group) {
        return "INSERT INTO " + quote(table.name()) + " (" + group.columns().stream().map(ClickHouseSeedStore::quote)
                .collect(Collectors.joining(", ")) + ") VALUES (" + group.columns().stream().map(c -> "?")
                .collect(Collectors.joining(", ")) + ")";
    }

    @Override
    public WriteCounts write(TableSchema table, RowGroup group) throws SQLException {
        List<PlannedRow> rows = group.rows();
        try (PreparedStatement statement = connection.prepareStatement(writeStatement(table, group))) {
            for (int from = 0; from < rows.size(); from += ROWS_PER_BATCH) {
                List<PlannedRow> batch = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_BATCH));
                for (PlannedRow row : batch) {
                    for (int i = 0; i < row.values().length; i++) {
                        bind(statement, i + 1, table.columns().get(group.columns().get(i)).type(), row.values()[i]);
                    }
                    statement.addBatch();
                }
                try {
                    statement.executeBatch();
                } catch (SQLException e) {
                    throw refused(table, batch, e);
                }
            }
        }
        written.add(table.name());
        return new WriteCounts(rows.size(), 0, 0);
    }

    @Override
    public WriteCounts load(TableSchema table, CsvFile csv) throws SQLException {
        InsertSettings settings = new InsertSettings().setDatabase(connection.getSchema());
        try (InputStream data = csv.open(); InsertResponse response = connection.unwrap(ConnectionImpl.class)
                .getClient().insert(table.name(), csv.columns(), data, ClickHouseFormat.CSVWithNames, settings).get()) {
            written.add(table.name());
            return new WriteCounts(response.getWrittenRows(), 0, 0);
        } catch (ExecutionException | ServerException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            String message = Failures.firstLine(cause.getMessage());
            Matcher row = AT_ROW.matcher(message);
            boolean found = row.find();
            throw new SeedWriteException((found ? csv.location(Long.parseLong(row.group(1))) : csv.shown()) + ": "
                    + table.name() + ": ClickHouse refused the CSV data: " + (found ? message.substring(0,
                    row.end()) : message) + "." + kept() + " Fix the file, then seed again.", cause);
        } catch (IOException e) {
            throw new SeedWriteException(csv.shown() + ": cannot read the CSV file: " + e.getMessage() + "." + kept()
                    + " Check the file.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while loading " + csv.shown(), e);
        }
    }

    private String kept() {
        return written.isEmpty() ? "" : " ClickHouse has no transactions: the rows already written to "
                + String.join(", ", written) + " stay (reload with -Dbrokle.migrate.reset=true).";
    }

    private SeedWriteException refused(TableSchema table, List<PlannedRow> batch, SQLException e) {
        return new SeedWriteException(batch.get(0).location() + ": " + table.name() + ": ClickHouse refused the "
                + "rows of lines " + batch.get(0).line() + "-" + batch.get(batch.size() - 1).line() + ": "
                + Failures.firstLine(e.getMessage()) + "." + kept() + " Fix the rows, then seed again.", e);
    }

    /** Binds by column type; the driver renders lists as arrays and maps as maps. */
    private static void bind(PreparedStatement statement, int index, ColumnType type, Object value)
            throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
            return;
        }
        switch (type.kind()) {
            case INTEGER -> {
                if (value instanceof BigInteger big) {
                    statement.setObject(index, big);
                } else {
                    statement.setLong(index, ((Number) value).longValue());
                }
            }
            case DECIMAL -> statement.setBigDecimal(index, value instanceof BigDecimal d ? d
                    : new BigDecimal(value.toString()));
            case FLOAT -> statement.setDouble(index, ((Number) value).doubleValue());
            case BOOLEAN -> statement.setBoolean(index, (Boolean) value);
            case TIMESTAMP, DATE, ARRAY, MAP -> statement.setObject(index, value);
            default -> statement.setString(index, value.toString()); // TEXT, UUID, JSON, ENUM, OTHER
        }
    }

    static String quote(String identifier) {
        return "`" + identifier.replace("\\", "\\\\").replace("`", "\\`") + "`";
    }
}
