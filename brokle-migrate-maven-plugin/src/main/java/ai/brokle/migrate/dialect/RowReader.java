package ai.brokle.migrate.dialect;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Reads every row of a catalog query, for the dialects' schema snapshots. */
public interface RowReader {

    void read(ResultSet rs) throws SQLException;

    static void forEachRow(Connection connection, String sql, RowReader row) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                row.read(rs);
            }
        }
    }
}
