package ai.brokle.migrate.state;

import ai.brokle.migrate.testing.TestClickHouse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** A new database on the ClickHouse test endpoint (one per try). */
final class ClickHouseDb extends Db {

    private ClickHouseDb(String url) throws SQLException {
        super(url, TestClickHouse.connect(url));
    }

    static ClickHouseDb create() {
        try {
            return new ClickHouseDb(TestClickHouse.newDatabase("prop"));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    String datasource() {
        return "clickhouse";
    }

    @Override
    String createTable(String table) {
        return "CREATE TABLE " + table + " (id Int32) ENGINE = MergeTree ORDER BY id";
    }

    @Override
    String failingStatement() {
        return "SELECT throwIf(count() >= 0, 'seeded failure') FROM system.one";
    }

    @Override
    Set<String> allTables() throws SQLException {
        Set<String> tables = new TreeSet<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT name FROM system.tables WHERE database = currentDatabase()")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    @Override
    String changeLogTable() {
        return "DATABASECHANGELOG";
    }

    @Override
    String quote(String table) {
        return "`" + table + "`";
    }

    /** golang-migrate: the row with the highest sequence; -1 (clean) is "nothing applied". */
    @Override
    Optional<Version> schemaMigrations() throws SQLException {
        List<long[]> rows = rows();
        long[] last = null;
        for (long[] row : rows) {
            if (last == null || Long.compareUnsigned(row[2], last[2]) > 0) {
                last = row;
            }
        }
        if (last == null || (last[0] == -1 && last[1] == 0)) {
            return Optional.empty();
        }
        return Optional.of(new Version(last[0], last[1] != 0));
    }

    /** Each row appended must carry a sequence above every earlier one, or the current state is read wrongly. */
    @Override
    List<String> versionTableProblems() throws SQLException {
        List<String> problems = new ArrayList<>();
        List<long[]> rows = rows();
        for (int i = 1; i < rows.size(); i++) {
            if (Long.compareUnsigned(rows.get(i)[2], rows.get(i - 1)[2]) <= 0) {
                problems.add("schema_migrations row " + (i + 1) + " (" + rows.get(i)[0] + ", dirty=" + rows.get(i)[1]
                        + ") has sequence " + Long.toUnsignedString(rows.get(i)[2]) + ", not above the previous row's "
                        + Long.toUnsignedString(rows.get(i - 1)[2]));
            }
        }
        return problems;
    }

    /** Rows in insertion order (TinyLog keeps it): version, dirty, sequence. */
    List<long[]> rows() throws SQLException {
        List<long[]> rows = new ArrayList<>();
        if (!allTables().contains("schema_migrations")) {
            return rows;
        }
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, dirty, sequence FROM schema_migrations")) {
            while (rs.next()) {
                rows.add(new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3)});
            }
        }
        return rows;
    }

    @Override
    void drop() {
        String name = url.substring(url.lastIndexOf('/') + 1);
        try (Connection c = TestClickHouse.connect(TestClickHouse.url("default")); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
        } catch (SQLException ignored) {
            // a leftover database of an endpoint that is thrown away with the JVM
        }
    }
}
