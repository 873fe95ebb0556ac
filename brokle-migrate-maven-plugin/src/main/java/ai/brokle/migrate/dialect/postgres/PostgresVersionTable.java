package ai.brokle.migrate.dialect.postgres;

import ai.brokle.migrate.state.SchemaVersion;
import ai.brokle.migrate.state.VersionTable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** golang-migrate's PostgreSQL table: {@code (version bigint primary key, dirty boolean)}, at most one row. */
final class PostgresVersionTable implements VersionTable {

    private final Connection connection;
    private final String table;

    PostgresVersionTable(Connection connection, String table) {
        this.connection = connection;
        this.table = table;
    }

    static String createSql(String table) {
        return "CREATE TABLE IF NOT EXISTS " + table + " (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL)";
    }

    @Override
    public void ensureExists() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(createSql(table));
        }
    }

    @Override
    public boolean exists() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT to_regclass('" + table + "') IS NOT NULL")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    @Override
    public Optional<SchemaVersion> read() throws SQLException {
        if (!exists()) {
            return Optional.empty();
        }
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT version, dirty FROM " + table + " LIMIT 1")) {
            if (!rs.next()) {
                return Optional.empty();
            }
            SchemaVersion state = new SchemaVersion(rs.getLong(1), rs.getBoolean(2));
            return state.nil() && !state.dirty() ? Optional.empty() : Optional.of(state);
        }
    }

    @Override
    public void write(Optional<SchemaVersion> state) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM " + table);
        }
        if (state.isPresent()) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO " + table + " (version, dirty) VALUES (?, ?)")) {
                insert.setLong(1, state.get().version());
                insert.setBoolean(2, state.get().dirty());
                insert.executeUpdate();
            }
        }
    }

    @Override
    public List<String> writeSql(Optional<SchemaVersion> state) {
        List<String> sql = new ArrayList<>();
        sql.add("DELETE FROM " + table);
        state.ifPresent(s -> sql.add("INSERT INTO " + table + " (version, dirty) VALUES (" + s.version() + ", "
                + s.dirty() + ")"));
        return sql;
    }
}
