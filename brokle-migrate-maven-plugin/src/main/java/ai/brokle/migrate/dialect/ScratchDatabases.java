package ai.brokle.migrate.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Throwaway databases on a datasource's server, for {@code verify}: listed by name prefix, created, dropped, and
 * reached by a URL. The engine names them and decides which to remove; each dialect declares its SQL.
 *
 * @param listSql         the query for the names of the databases that start with its one parameter, in order
 * @param quote           how a database name is written in SQL
 * @param dropOptions     what follows {@code DROP DATABASE IF EXISTS name}, e.g. closing other sessions on it
 * @param permissionCheck true for the server's refusal because the user may not create databases
 * @param fixFor          how to let a user (null: the default one) create databases, for the error message
 */
public record ScratchDatabases(String listSql, UnaryOperator<String> quote, String dropOptions,
                               Predicate<SQLException> permissionCheck, UnaryOperator<String> fixFor) {

    /** Names of the databases on the server that start with {@code prefix}. */
    public List<String> list(Connection server, String prefix) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement query = server.prepareStatement(listSql)) {
            query.setString(1, prefix);
            RowReader.forEachRow(query, rs -> names.add(rs.getString(1)));
        }
        return names;
    }

    /** Creates the empty database {@code name}. */
    public void create(Connection server, String name) throws SQLException {
        outsideTransaction(server, "CREATE DATABASE " + quote.apply(name));
    }

    /** Drops the database and what it holds. */
    public void drop(Connection server, String name) throws SQLException {
        outsideTransaction(server, "DROP DATABASE IF EXISTS " + quote.apply(name) + dropOptions);
    }

    /** True when the server refused because the user may not create databases. */
    public boolean isPermissionDenied(SQLException e) {
        return permissionCheck.test(e);
    }

    /** How to let {@code user} create databases, for the error message. */
    public String permissionFix(String user) {
        return fixFor.apply(user);
    }

    /**
     * The JDBC URL of database {@code name} on the server that {@code url} ({@code scheme://host:port/db?query})
     * points to: its path replaced.
     */
    public static String withDatabase(String url, String name) {
        int authority = url.indexOf("://");
        int path = url.indexOf('/', authority + 3);
        int query = url.indexOf('?', authority + 3);
        String head = path < 0 || (query >= 0 && query < path) ? (query < 0 ? url : url.substring(0, query))
                : url.substring(0, path);
        return head + "/" + name + (query < 0 ? "" : url.substring(query));
    }

    /** Runs in autocommit mode (PostgreSQL creates and drops databases outside transactions only), then restores it. */
    private static void outsideTransaction(Connection server, String sql) throws SQLException {
        boolean autoCommit = server.getAutoCommit();
        server.setAutoCommit(true);
        try (Statement statement = server.createStatement()) {
            statement.execute(sql);
        } finally {
            server.setAutoCommit(autoCommit);
        }
    }
}
