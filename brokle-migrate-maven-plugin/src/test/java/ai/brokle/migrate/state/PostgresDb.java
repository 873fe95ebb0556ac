package ai.brokle.migrate.state;

import ai.brokle.migrate.testing.TestPostgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** A new database on the test PostgreSQL server (one per try). */
final class PostgresDb extends Db {

    private PostgresDb(String url) throws SQLException {
        super(url, TestPostgres.connect(url));
    }

    static PostgresDb create() {
        try {
            return new PostgresDb(TestPostgres.newDatabase("prop"));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    String datasource() {
        return "postgres";
    }

    @Override
    String createTable(String table) {
        return "CREATE TABLE " + table + " (id integer)";
    }

    @Override
    String failingStatement() {
        return "SELECT 1 / (SELECT count(*) - count(*) FROM pg_class)";
    }

    @Override
    Set<String> allTables() throws SQLException {
        Set<String> tables = new TreeSet<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    @Override
    String changeLogTable() {
        return "databasechangelog";
    }

    @Override
    Optional<Version> schemaMigrations() throws SQLException {
        List<Version> rows = rows();
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    @Override
    List<String> versionTableProblems() throws SQLException {
        List<Version> rows = rows();
        return rows.size() > 1 ? List.of("schema_migrations holds " + rows.size() + " rows " + rows
                + " (golang-migrate keeps exactly one)") : List.of();
    }

    private List<Version> rows() throws SQLException {
        List<Version> rows = new ArrayList<>();
        if (!allTables().contains("schema_migrations")) {
            return rows;
        }
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, dirty FROM schema_migrations")) {
            while (rs.next()) {
                rows.add(new Version(rs.getLong(1), rs.getBoolean(2)));
            }
        }
        return rows;
    }

    /** Runs statements in one transaction, as the Go CLI's multi-statement Exec does on PostgreSQL. */
    void inTransaction(List<String> statements) throws SQLException {
        connection.setAutoCommit(false);
        try {
            for (String sql : statements) {
                execute(sql);
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    @Override
    void drop() {
        String name = url.substring(url.lastIndexOf('/') + 1);
        try (Connection c = TestPostgres.connect(TestPostgres.url("postgres")); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException ignored) {
            // a leftover database of a test server that is thrown away with the JVM
        }
    }
}
