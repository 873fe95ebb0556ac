package ai.brokle.migrate.dialect.clickhouse;

import ai.brokle.migrate.dialect.RowReader;
import ai.brokle.migrate.dialect.ScratchDatabases;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Scratch databases on a ClickHouse server (on the node the URL names: never ON CLUSTER). */
final class ClickHouseScratch implements ScratchDatabases {

    @Override
    public List<String> list(Connection server, String prefix) throws SQLException {
        List<String> names = new ArrayList<>();
        RowReader.forEachRow(server, "SELECT name FROM system.databases WHERE startsWith(name, "
                + ClickHouseSql.literal(prefix) + ") ORDER BY name", rs -> names.add(rs.getString(1)));
        return names;
    }

    @Override
    public String createSql(String name) {
        return "CREATE DATABASE " + ClickHouseSql.identifier(name);
    }

    @Override
    public String dropSql(String name) {
        return "DROP DATABASE IF EXISTS " + ClickHouseSql.identifier(name);
    }

    /** Code 497: ACCESS_DENIED. */
    @Override
    public boolean isPermissionDenied(SQLException e) {
        String message = String.valueOf(e.getMessage());
        return e.getErrorCode() == 497 || message.contains("ACCESS_DENIED") || message.contains("Code: 497");
    }

    @Override
    public String permissionFix(String user) {
        return "Let the user create and drop databases (as an administrator: GRANT CREATE DATABASE, DROP DATABASE, "
                + "CREATE TABLE, DROP TABLE, ALTER, INSERT, SELECT ON brokle_verify_*.* TO "
                + (user == null ? "default" : user) + ")";
    }
}
