package ai.brokle.migrate.dialect.postgres;

import ai.brokle.migrate.seed.ColumnType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/** Binds the values a reference or a unique key looks up as PostgreSQL parameters, by column type. */
final class PostgresSeedBinder {

    private final Connection connection;

    PostgresSeedBinder(Connection connection) {
        this.connection = connection;
    }

    /** One value; text the server must parse itself (JSON, enum labels, other types) goes untyped (Types.OTHER). */
    void bind(PreparedStatement statement, int index, ColumnType type, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.OTHER);
            return;
        }
        switch (type.kind()) {
            case TEXT -> statement.setString(index, value.toString());
            case INTEGER -> {
                if (value instanceof BigInteger big) {
                    statement.setBigDecimal(index, new BigDecimal(big));
                } else {
                    statement.setLong(index, ((Number) value).longValue());
                }
            }
            case DECIMAL -> statement.setBigDecimal(index, value instanceof BigDecimal decimal ? decimal
                    : new BigDecimal(value.toString()));
            case FLOAT -> statement.setDouble(index, ((Number) value).doubleValue());
            case BOOLEAN -> statement.setBoolean(index, (Boolean) value);
            case TIMESTAMP, TIMESTAMP_TZ, DATE, TIME, UUID -> statement.setObject(index, value);
            case ARRAY -> statement.setArray(index, connection.createArrayOf(type.element().sqlName(),
                    ((List<?>) value).stream().map(PostgresSeedBinder::arrayElement).toArray()));
            default -> statement.setObject(index, value.toString(), Types.OTHER); // JSON, ENUM, MAP, OTHER
        }
    }

    private static Object arrayElement(Object value) {
        return value == null || value instanceof Number || value instanceof Boolean || value instanceof String
                ? value : value.toString();
    }
}
