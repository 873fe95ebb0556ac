package ai.brokle.migrate.state;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One fresh test database, looked at from outside the plugin: which migration tables exist, what DATABASECHANGELOG
 * and {@code schema_migrations} hold, and a full dump for "byte-for-byte unchanged" checks. PostgreSQL and ClickHouse
 * differ only in the few abstract methods.
 */
abstract class Db implements AutoCloseable {

    /** Prefix of the tables the generated migrations create; nothing else in the tests uses it. */
    static final String TABLE_PREFIX = "m_";

    /** golang-migrate's view of the database: {@code version} -1 with {@code dirty} is PostgreSQL's "dirty nil". */
    record Version(long version, boolean dirty) {
        @Override
        public String toString() {
            return version + (dirty ? " dirty" : " clean");
        }
    }

    /** One DATABASECHANGELOG row of this plugin. */
    record Row(String id, String execType, String md5) {
    }

    final String url;
    final Connection connection;

    Db(String url, Connection connection) {
        this.url = url;
        this.connection = connection;
    }

    abstract String datasource();

    /** Statement that creates a migration's table. */
    abstract String createTable(String table);

    /** A statement that always fails when executed. */
    abstract String failingStatement();

    /** Names of every table in the test database (schema {@code public} / the test database). */
    abstract Set<String> allTables() throws SQLException;

    /** golang-migrate's current state: empty when nothing is applied (no table, no row, or ClickHouse -1 clean). */
    abstract Optional<Version> schemaMigrations() throws SQLException;

    /** Problems golang-migrate's own reader would trip over (PostgreSQL: more than one row; ClickHouse: sequence). */
    abstract List<String> versionTableProblems() throws SQLException;

    /** Name of the changelog table as the database spells it. */
    abstract String changeLogTable();

    abstract void drop();

    Set<String> migrationTables() throws SQLException {
        Set<String> tables = new TreeSet<>();
        for (String table : allTables()) {
            if (table.startsWith(TABLE_PREFIX)) {
                tables.add(table);
            }
        }
        return tables;
    }

    /** This plugin's DATABASECHANGELOG rows for the datasource, by id (empty when the table does not exist). */
    Map<String, Row> changeLog() throws SQLException {
        Map<String, Row> rows = new TreeMap<>();
        if (!allTables().contains(changeLogTable())) {
            return rows;
        }
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT ID, EXECTYPE, MD5SUM FROM "
                + changeLogTable() + " WHERE FILENAME = 'brokle-migrate/" + datasource() + "'")) {
            while (rs.next()) {
                Row row = new Row(rs.getString(1), rs.getString(2), rs.getString(3));
                if (rows.put(row.id(), row) != null) {
                    rows.put(row.id() + " (DUPLICATE ROW)", row);
                }
            }
        }
        return rows;
    }

    /** Every table of the test database with all its rows, sorted: equal dumps mean nothing was written. */
    String dump() throws SQLException {
        StringBuilder dump = new StringBuilder();
        for (String table : allTables()) {
            dump.append("== ").append(table).append('\n');
            List<String> rows = new ArrayList<>();
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + quote(table))) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        row.append(meta.getColumnName(c)).append('=').append(rs.getString(c)).append(' ');
                    }
                    rows.add(row.toString());
                }
            }
            rows.stream().sorted().forEach(row -> dump.append("  ").append(row).append('\n'));
        }
        return dump.toString();
    }

    String quote(String table) {
        return "\"" + table + "\"";
    }

    void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // dropping the database below is what matters
        }
        drop();
    }
}
