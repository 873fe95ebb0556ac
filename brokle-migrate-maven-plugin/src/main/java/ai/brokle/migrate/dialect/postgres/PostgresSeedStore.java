package ai.brokle.migrate.dialect.postgres;

import ai.brokle.migrate.dialect.RowReader;
import ai.brokle.migrate.seed.CsvFile;
import ai.brokle.migrate.seed.RowGroup;
import ai.brokle.migrate.seed.RowGroup.PlannedRow;
import ai.brokle.migrate.seed.SeedStore;
import ai.brokle.migrate.seed.SeedWriteException;
import ai.brokle.migrate.seed.TableSchema;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * Seeds PostgreSQL in one transaction, by one of two paths, for YAML rows and CSV files alike; rows always travel as
 * {@code COPY ... FROM STDIN (FORMAT csv)} data, never as SQL text:
 * <ul>
 * <li><b>bulk</b>: a table that was empty when this transaction first wrote to it can only receive inserts (the
 *     seed's rows have distinct keys), so its rows are COPied straight into it and all count as inserted;</li>
 * <li><b>upsert</b>: otherwise the rows are COPied into a temporary staging table, then written with one
 * <pre>
 * INSERT INTO t AS existing (cols) SELECT cols FROM stage
 * ON CONFLICT (pk) DO UPDATE SET col = EXCLUDED.col, ...
 *   WHERE (existing.col::text, ...) IS DISTINCT FROM (EXCLUDED.col::text, ...)
 * RETURNING (xmax = 0)
 * </pre>
 *     A row whose values already match is not touched (no write, no trigger, {@code updated_at} keeps its value)
 *     and returns nothing: "unchanged". Returned rows are "inserted" when {@code xmax = 0} and "updated" otherwise.</li>
 * </ul>
 * A refused row is named by its file and line: COPY's error says the line of its data; when the upsert is refused,
 * the first staged row it fails on is found by halving (each try under a savepoint, undone).
 */
final class PostgresSeedStore implements SeedStore {

    private final Connection connection;
    private final PostgresSeedCatalog catalog;
    private final PostgresSeedSql sql = new PostgresSeedSql();
    private final PostgresSeedCopy copy;
    /** Per table written in this transaction: true while only the seed's own inserts have reached it. */
    private final Map<String, Boolean> insertOnly = new HashMap<>();

    PostgresSeedStore(Connection connection) {
        this.connection = connection;
        this.catalog = new PostgresSeedCatalog(connection);
        this.copy = new PostgresSeedCopy(connection);
    }

    /**
     * Where rows come from: their columns, how they are COPied into a target, the row on COPY's data line
     * {@code line} (from 1; quoted line breaks count), and the {@code n}-th row (from 1).
     */
    private record Rows(List<String> columns, CopyInto copy, LongFunction<PlannedRow> atCopyLine,
                        LongFunction<PlannedRow> row) {
    }

    private interface CopyInto {
        long into(String target) throws SQLException;
    }

    @Override
    public Map<String, TableSchema> describe(Collection<String> tables) throws SQLException {
        PostgresSeedCatalog.Tables described = catalog.describe(tables);
        sql.learn(described.sqlNames());
        return described.schemas();
    }

    @Override
    public List<List<Object>> find(TableSchema table, List<String> select, List<String> where, List<Object> values)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql.select(table, select, where, values))) {
            int parameter = 1;
            for (int i = 0; i < where.size(); i++) {
                if (values.get(i) != null) { // as COPY sends it: the server reads it as the column's type
                    Object value = values.get(i);
                    statement.setObject(parameter++, PostgresSeedCopy.input(value), Types.OTHER);
                }
            }
            return RowReader.values(statement, select.size());
        }
    }

    @Override
    public boolean upserts() {
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
            // the connection is gone (the server rolls the transaction back itself), or none was open
        }
    }

    @Override
    public long deleteAll(TableSchema table) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            return statement.executeUpdate(deleteStatement(table));
        }
    }

    @Override
    public String deleteStatement(TableSchema table) {
        return sql.delete(table);
    }

    @Override
    public String writeStatement(TableSchema table, RowGroup group) {
        return sql.upsert(table, group.columns(), group.key(), group.updatable());
    }

    @Override
    public WriteCounts write(TableSchema table, RowGroup group) throws SQLException {
        List<PlannedRow> rows = group.rows();
        return store(table, group.key(), group.updatable(), new Rows(group.columns(),
                target -> copy.rows(PostgresSeedSql.copy(target, group.columns(), false), rows),
                line -> atCopyLine(rows, line), n -> rows.get((int) n - 1)));
    }

    /** PostgreSQL counts a quoted line break only once it has seen the data's first end of line. */
    private static PlannedRow atCopyLine(List<PlannedRow> rows, long line) {
        long start = 1;
        for (int i = 0; i < rows.size(); i++) {
            long last = start + (i == 0 ? 0 : PostgresSeedCopy.lineBreaks(rows.get(i)));
            if (line <= last) {
                return rows.get(i);
            }
            start = last + 1;
        }
        return rows.get(rows.size() - 1);
    }

    @Override
    public WriteCounts load(TableSchema table, CsvFile csv) throws SQLException {
        List<String> key = table.primaryKey();
        return store(table, key, csv.columns().stream().filter(c -> !key.contains(c)).toList(), new Rows(
                csv.columns(), target -> copyFile(csv, target), line -> csvRow(csv, line),
                n -> csvRow(csv, csv.lineOf(n + 1))));
    }

    private long copyFile(CsvFile csv, String target) throws SQLException {
        try {
            return copy.file(PostgresSeedSql.copy(target, csv.columns(), true), csv.open());
        } catch (IOException e) {
            throw new SeedWriteException(csv.shown() + ": cannot read the CSV file: " + e.getMessage() + ". Nothing "
                    + "was written (the transaction was rolled back). Check the file.", e);
        }
    }

    /** A CSV record as a row: every column on the line it starts on. */
    private static PlannedRow csvRow(CsvFile csv, long line) {
        int[] lines = new int[csv.columns().size()];
        Arrays.fill(lines, (int) line);
        return new PlannedRow(csv.shown(), (int) line, new Object[0], lines);
    }

    /** Writes by the bulk path or the upsert path (see the class comment). */
    private WriteCounts store(TableSchema table, List<String> key, List<String> updatable, Rows rows)
            throws SQLException {
        Savepoint start = connection.setSavepoint();
        long staged;
        try {
            if (onlyInserts(table)) {
                long inserted = rows.copy().into(sql.table(table));
                connection.releaseSavepoint(start);
                return new WriteCounts(inserted, 0, 0);
            }
            try (Statement statement = connection.createStatement()) {
                for (String create : sql.createStage(table, rows.columns())) {
                    statement.execute(create);
                }
            }
            staged = rows.copy().into(PostgresSeedSql.STAGE);
        } catch (SQLException e) {
            connection.rollback(start);
            long line = PostgresRowError.copyLine(e);
            if (line < 1) {
                throw e;
            }
            throw PostgresRowError.of(table, rows.columns(), rows.atCopyLine().apply(line), e, constraintColumns(table, e));
        }
        String upsert = sql.upsert(table, rows.columns(), key, updatable);
        Savepoint staging = connection.setSavepoint();
        try {
            WriteCounts counts = upsert(upsert, staged, staged);
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE " + PostgresSeedSql.STAGE);
            }
            connection.releaseSavepoint(start);
            return counts;
        } catch (SQLException refused) {
            connection.rollback(staging);
            throw firstRefused(table, rows, upsert, staged, refused);
        }
    }

    /** The upsert of the staged rows 1..{@code upTo}; {@code staged} rows in all. */
    private WriteCounts upsert(String upsert, long upTo, long staged) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(upsert)) {
            statement.setLong(1, upTo);
            long inserted = 0;
            long returned = 0;
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    returned++;
                    inserted += rs.getBoolean(1) ? 1 : 0;
                }
            }
            return new WriteCounts(inserted, returned - inserted, staged - returned);
        }
    }

    /** Finds the first staged row whose upsert fails (halving, each try undone) and names it. */
    private RuntimeException firstRefused(TableSchema table, Rows rows, String upsert, long staged,
                                          SQLException refused) throws SQLException {
        long low = 1;
        long high = staged;
        SQLException error = refused;
        while (low < high) {
            long middle = (low + high) / 2;
            SQLException failure = attempt(upsert, middle);
            if (failure != null) {
                high = middle;
                error = failure;
            } else {
                low = middle + 1;
            }
        }
        SQLException failure = staged == 0 ? null : attempt(upsert, low);
        if (failure == null) {
            throw refused; // not caused by a row
        }
        return refused(table, rows, low, failure);
    }

    /** Runs the upsert of rows 1..{@code upTo} and undoes it; returns its error, or null when it succeeded. */
    private SQLException attempt(String upsert, long upTo) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try {
            upsert(upsert, upTo, upTo);
            return null;
        } catch (SQLException e) {
            return e;
        } finally {
            connection.rollback(savepoint);
        }
    }

    private SeedWriteException refused(TableSchema table, Rows rows, long n, SQLException e) {
        return PostgresRowError.of(table, rows.columns(), rows.row().apply(n), e, constraintColumns(table, e));
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
            RowReader.forEachRow(statement, rs -> columns.add(rs.getString(1)));
            return columns;
        } catch (SQLException e) {
            return List.of();
        }
    }
}
