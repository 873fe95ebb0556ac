package ai.brokle.migrate.dialect.postgres;

import ai.brokle.migrate.state.SchemaVersion;
import ai.brokle.migrate.state.VersionTable;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * golang-migrate's PostgreSQL table: {@code (version bigint primary key, dirty boolean)}, at most one row. Its name is
 * quoted as golang-migrate quotes it, so a reserved word works and a mixed-case name is the same table.
 */
final class PostgresVersionTable implements VersionTable {

    private final Connection connection;
    private final String table;

    PostgresVersionTable(Connection connection, String table) {
        this.connection = connection;
        this.table = PostgresNames.Table.parse(table).sql();
    }

    static String createSql(String table) {
        return createSqlFor(PostgresNames.Table.parse(table).sql());
    }

    private static String createSqlFor(String quotedTable) {
        return "CREATE TABLE IF NOT EXISTS " + quotedTable + " (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL)";
    }

    @Override
    public void ensureExists() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(createSqlFor(table));
        }
    }

    @Override
    public boolean exists() throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            statement.setString(1, table);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
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

    /** The SQL a dry run prints, sent as one JDBC batch (one round trip); a failure is the database's own error. */
    @Override
    public void write(Optional<SchemaVersion> state) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : writeSql(state)) {
                statement.addBatch(sql);
            }
            statement.executeBatch();
        } catch (BatchUpdateException e) {
            throw e.getNextException() != null ? e.getNextException() : e;
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
