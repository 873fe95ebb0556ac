package ai.brokle.migrate.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Reads every row of a catalog query, for the dialects' schema snapshots, seed catalogs and lookups. */
public interface RowReader {

    void read(ResultSet rs) throws SQLException;

    static void forEachRow(Connection connection, String sql, RowReader row) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            readAll(rs, row);
        }
    }

    /** Runs a prepared query whose parameters are set, and reads every row. */
    static void forEachRow(PreparedStatement query, RowReader row) throws SQLException {
        try (ResultSet rs = query.executeQuery()) {
            readAll(rs, row);
        }
    }

    /** Runs a prepared query whose parameters are set; returns each row's first {@code columns} values. */
    static List<List<Object>> values(PreparedStatement query, int columns) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        forEachRow(query, rs -> {
            List<Object> row = new ArrayList<>(columns);
            for (int i = 1; i <= columns; i++) {
                row.add(rs.getObject(i));
            }
            rows.add(row);
        });
        return rows;
    }

    private static void readAll(ResultSet rs, RowReader row) throws SQLException {
        while (rs.next()) {
            row.read(rs);
        }
    }
}
