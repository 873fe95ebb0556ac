package ai.brokle.migrate.dialect.postgres;

import ai.brokle.migrate.seed.ColumnType;
import ai.brokle.migrate.seed.RowGroup;
import ai.brokle.migrate.seed.RowGroup.PlannedRow;
import ai.brokle.migrate.seed.SeedStore;
import ai.brokle.migrate.seed.TableSchema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Seeds PostgreSQL idempotently, in one transaction:
 * <pre>
 * INSERT INTO t AS existing (cols) SELECT * FROM unnest(CAST(? AS type[]), ...)      -- or VALUES (?, ...), ...
 * ON CONFLICT (pk) DO UPDATE SET col = EXCLUDED.col, ...
 *   WHERE (existing.col, ...) IS DISTINCT FROM (EXCLUDED.col, ...)
 * RETURNING (xmax = 0)
 * </pre>
 * A row whose values already match is not touched (no write, no trigger, {@code updated_at} keeps its value) and
 * returns nothing: "unchanged". Returned rows are "inserted" when {@code xmax = 0} (a fresh tuple) and "updated"
 * otherwise. Values are always bind parameters: batches of up to 10,000 rows go as one array parameter per column
 * (unnest), or, when a column is itself an array, as multi-row VALUES of up to 1,000 rows. Each batch runs under a
 * savepoint, so a refused batch is replayed row by row to name the refused row.
 * <p>
 * A table that was empty when this transaction first wrote to it can only receive inserts from the seed (its rows
 * have distinct keys), so its rows go with COPY instead ({@link PostgresSeedCopy}, several times cheaper for the
 * server and the driver) and all count as inserted. If COPY is refused (a bad row, or a row another session
 * inserted meanwhile), the savepoint undoes it and the upsert above writes the group, naming a refused row.
 */
final class PostgresSeedStore implements SeedStore {

    private static final int ROWS_PER_ARRAY_BATCH = 10_000;
    private static final int ROWS_PER_VALUES_BATCH = 1000;
    private static final int MAX_PARAMETERS = 30_000;

    private final Connection connection;
    private final PostgresSeedCatalog catalog;
    private final PostgresSeedSql sql = new PostgresSeedSql();
    private final PostgresSeedBinder binder;
    private final PostgresSeedCopy copy;
    /** Per table written in this transaction: true while only the seed's own inserts have reached it. */
    private final Map<String, Boolean> insertOnly = new HashMap<>();

    PostgresSeedStore(Connection connection) {
        this.connection = connection;
        this.catalog = new PostgresSeedCatalog(connection);
        this.binder = new PostgresSeedBinder(connection);
        this.copy = new PostgresSeedCopy(connection);
    }

    @Override
    public Map<String, TableSchema> describe(Collection<String> tables) throws SQLException {
        PostgresSeedCatalog.Tables described = catalog.describe(tables);
        sql.learn(described);
        return described.schemas();
    }

    @Override
    public List<List<Object>> find(TableSchema table, List<String> select, List<String> where, List<Object> values)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql.select(table, select, where, values))) {
            int parameter = 1;
            for (int i = 0; i < where.size(); i++) {
                if (values.get(i) != null) {
                    binder.bind(statement, parameter++, table.columns().get(where.get(i)).type(), values.get(i));
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
    public boolean transactional() {
        return true;
    }

    @Override
    public void begin() throws SQLException {
        insertOnly.clear();
        connection.setAutoCommit(false);
    }

    @Override
    public void commit() throws SQLException {
        insertOnly.clear();
        connection.commit();
    }

    @Override
    public void rollback() {
        insertOnly.clear();
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
        return sql.delete(table);
    }

    @Override
    public String writeStatement(TableSchema table, RowGroup group) {
        return sql.upsert(table, group, asArrays(table, group) ? 0 : 1);
    }

    @Override
    public WriteCounts write(TableSchema table, RowGroup group) throws SQLException {
        if (PostgresSeedCopy.accepts(table, group) && onlyInserts(table)) {
            Savepoint savepoint = connection.setSavepoint();
            try {
                long inserted = copy.copy(sql.copy(table, group), group.rows());
                connection.releaseSavepoint(savepoint);
                return new WriteCounts(inserted, 0, group.rows().size() - inserted);
            } catch (SQLException refused) {
                connection.rollback(savepoint);
                insertOnly.put(table.name(), false); // from now on the upsert decides, and names a refused row
            }
        }
        return upsert(table, group);
    }

    /** True while the table holds only rows this transaction inserted into it, starting from empty. */
    private boolean onlyInserts(TableSchema table) throws SQLException {
        Boolean known = insertOnly.get(table.name());
        if (known == null) {
            try (PreparedStatement statement = connection.prepareStatement(sql.emptyWithoutRules(table))) {
                statement.setString(1, sql.table(table));
                try (ResultSet rs = statement.executeQuery()) {
                    known = rs.next() && rs.getBoolean(1);
                }
            }
            insertOnly.put(table.name(), known);
        }
        return known;
    }

    private WriteCounts upsert(TableSchema table, RowGroup group) throws SQLException {
        boolean arrays = asArrays(table, group);
        int perStatement = arrays ? ROWS_PER_ARRAY_BATCH : Math.max(1, Math.min(ROWS_PER_VALUES_BATCH,
                MAX_PARAMETERS / Math.max(1, group.columns().size())));
        List<PlannedRow> rows = group.rows();
        WriteCounts counts = WriteCounts.NONE;
        PreparedStatement full = null;
        try {
            for (int from = 0; from < rows.size(); from += perStatement) {
                List<PlannedRow> batch = rows.subList(from, Math.min(rows.size(), from + perStatement));
                boolean reuse = arrays || batch.size() == perStatement;
                if (reuse && full == null) {
                    full = connection.prepareStatement(sql.upsert(table, group, arrays ? 0 : perStatement));
                }
                counts = counts.plus(writeBatch(table, group, batch, reuse ? full : null, arrays));
            }
        } finally {
            if (full != null) {
                full.close();
            }
        }
        return counts;
    }

    /** Column arrays need every value to have a text form PostgreSQL parses, which array-typed columns lack. */
    private static boolean asArrays(TableSchema table, RowGroup group) {
        return group.columns().stream().map(c -> table.columns().get(c).type().kind())
                .noneMatch(kind -> kind == ColumnType.Kind.ARRAY || kind == ColumnType.Kind.MAP);
    }

    private WriteCounts writeBatch(TableSchema table, RowGroup group, List<PlannedRow> batch,
                                   PreparedStatement reusable, boolean arrays) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try {
            WriteCounts counts = arrays ? executeArrays(table, group, batch, reusable)
                    : executeValues(table, group, batch, reusable);
            connection.releaseSavepoint(savepoint);
            return counts;
        } catch (SQLException refused) {
            connection.rollback(savepoint);
            for (PlannedRow row : batch) {
                Savepoint single = connection.setSavepoint();
                try {
                    executeValues(table, group, List.of(row), null);
                    connection.releaseSavepoint(single);
                } catch (SQLException e) {
                    connection.rollback(single);
                    throw PostgresRowError.of(table, group, row, e, constraintColumns(table, e));
                }
            }
            throw refused;
        }
    }

    /** The columns of the constraint a refusal names (a CHECK names no column itself), or none. */
    private List<String> constraintColumns(TableSchema table, SQLException refusal) {
        String constraint = refusal instanceof org.postgresql.util.PSQLException p && p.getServerErrorMessage() != null
                ? p.getServerErrorMessage().getConstraint() : null;
        if (constraint == null) {
            return List.of();
        }
        try (PreparedStatement statement = connection.prepareStatement(sql.constraintColumns())) {
            statement.setString(1, constraint);
            statement.setString(2, sql.table(table));
            List<String> columns = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
            return columns;
        } catch (SQLException e) {
            return List.of();
        }
    }

    /** One text[] parameter per column, cast to the column's type by the statement. */
    private WriteCounts executeArrays(TableSchema table, RowGroup group, List<PlannedRow> rows,
                                      PreparedStatement statement) throws SQLException {
        for (int column = 0; column < group.columns().size(); column++) {
            List<Object> values = new ArrayList<>(rows.size());
            for (PlannedRow row : rows) {
                values.add(row.values()[column]);
            }
            binder.bindColumn(statement, column + 1, values);
        }
        return counts(statement, rows.size());
    }

    private WriteCounts executeValues(TableSchema table, RowGroup group, List<PlannedRow> rows,
                                      PreparedStatement reusable) throws SQLException {
        PreparedStatement statement = reusable != null ? reusable
                : connection.prepareStatement(sql.upsert(table, group, rows.size()));
        try {
            int parameter = 1;
            for (PlannedRow row : rows) {
                for (int i = 0; i < row.values().length; i++) {
                    binder.bind(statement, parameter++, table.columns().get(group.columns().get(i)).type(),
                            row.values()[i]);
                }
            }
            return counts(statement, rows.size());
        } finally {
            if (statement != reusable) {
                statement.close();
            }
        }
    }

    private static WriteCounts counts(PreparedStatement statement, int rows) throws SQLException {
        long inserted = 0;
        long returned = 0;
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                returned++;
                inserted += rs.getBoolean(1) ? 1 : 0;
            }
        }
        return new WriteCounts(inserted, returned - inserted, rows - returned);
    }
}
