package ai.brokle.migrate.dialect.postgres;

import ai.brokle.migrate.seed.ColumnType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/** Binds seed values as PostgreSQL parameters, by column type; never as SQL text. */
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

    /** A whole column of a batch as one text[] parameter; the statement casts it to the column's type. */
    void bindColumn(PreparedStatement statement, int index, List<Object> values) throws SQLException {
        String[] texts = new String[values.size()];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = text(values.get(i));
        }
        statement.setArray(index, connection.createArrayOf("text", texts));
    }

    /** A value as PostgreSQL's input function for its column type reads it. */
    static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return value.toString(); // ISO-8601 for java.time values, JSON text, enum labels, numbers, true/false
    }

    private static Object arrayElement(Object value) {
        return value == null || value instanceof Number || value instanceof Boolean || value instanceof String
                ? value : value.toString();
    }
}
