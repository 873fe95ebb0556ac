package ai.brokle.migrate.dialect.postgres;

import ai.brokle.migrate.dialect.RowReader;
import ai.brokle.migrate.dialect.ScratchDatabases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Scratch databases on a PostgreSQL server: {@code CREATE DATABASE}, and {@code DROP DATABASE ... WITH (FORCE)}. */
final class PostgresScratch implements ScratchDatabases {

    @Override
    public List<String> list(Connection server, String prefix) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement query = server.prepareStatement(
                "SELECT datname FROM pg_database WHERE starts_with(datname, ?) ORDER BY datname")) {
            query.setString(1, prefix);
            RowReader.forEachRow(query, rs -> names.add(rs.getString(1)));
        }
        return names;
    }

    @Override
    public String createSql(String name) {
        return "CREATE DATABASE " + PostgresNames.quote(name);
    }

    @Override
    public String dropSql(String name) {
        return "DROP DATABASE IF EXISTS " + PostgresNames.quote(name) + " WITH (FORCE)";
    }

    /** 42501: insufficient_privilege (no CREATEDB). */
    @Override
    public boolean isPermissionDenied(SQLException e) {
        return "42501".equals(e.getSQLState());
    }

    @Override
    public String permissionFix(String user) {
        return "Let the user create databases (as an administrator: ALTER ROLE " + (user == null ? "<user>" : user)
                + " CREATEDB), or run verify on the embedded PostgreSQL by leaving brokle.migrate.postgres.url "
                + "(and DATABASE_URL) unset";
    }
}
