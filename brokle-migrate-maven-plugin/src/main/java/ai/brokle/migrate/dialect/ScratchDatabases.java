package ai.brokle.migrate.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Throwaway databases on a datasource's server, for {@code verify}: listed by name prefix, created, dropped, and
 * reached by a URL. The engine names them and decides which to remove; the dialect only knows the SQL.
 */
public interface ScratchDatabases {

    /** Names of the databases on the server that start with {@code prefix}. */
    List<String> list(Connection server, String prefix) throws SQLException;

    /** The statement that creates the empty database {@code name}. */
    String createSql(String name);

    /** The statement that drops the database and what it holds, closing other sessions on it where it can. */
    String dropSql(String name);

    default void create(Connection server, String name) throws SQLException {
        outsideTransaction(server, createSql(name));
    }

    default void drop(Connection server, String name) throws SQLException {
        outsideTransaction(server, dropSql(name));
    }

    /** The JDBC URL of database {@code name} on the server that {@code serverUrl} points to. */
    default String jdbcUrl(String serverUrl, String name) {
        return withDatabase(serverUrl, name);
    }

    /** True when the server refused because the user may not create databases. */
    boolean isPermissionDenied(SQLException e);

    /** How to let {@code user} create databases, for the error message. */
    String permissionFix(String user);

    /** Replaces the database (the URL path) of a {@code scheme://host:port/db?query} JDBC URL. */
    static String withDatabase(String url, String name) {
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
