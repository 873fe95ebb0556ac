package ai.brokle.migrate.dialect.postgres;

import ai.brokle.migrate.seed.RowGroup.PlannedRow;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Sends rows to {@code COPY ... FROM STDIN (FORMAT csv)} through the driver's CopyManager: a seed's planned rows,
 * each value the text its column type's input function reads, in CSV quoting (a value is never part of the SQL), or
 * a CSV file as it is.
 */
final class PostgresSeedCopy {

    /** Characters buffered before they go to the server. */
    private static final int CHUNK = 1 << 16;

    private final Connection connection;

    PostgresSeedCopy(Connection connection) {
        this.connection = connection;
    }

    /** Sends the rows through {@code copySql}; returns how many rows the server took. */
    long rows(String copySql, List<PlannedRow> rows) throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
        try {
            StringBuilder data = new StringBuilder(CHUNK + 4096);
            for (PlannedRow row : rows) {
                appendRow(data, row);
                if (data.length() >= CHUNK) {
                    send(copy, data);
                }
            }
            send(copy, data);
            return copy.endCopy();
        } finally {
            if (copy.isActive()) {
                try {
                    copy.cancelCopy();
                } catch (SQLException e) {
                    // the COPY failed already; the caller rolls back to its savepoint
                }
            }
        }
    }

    /** The line breaks inside the row's quoted values. */
    static long lineBreaks(PlannedRow row) {
        StringBuilder data = new StringBuilder();
        appendRow(data, row);
        return data.chars().filter(c -> c == '\n').count() - 1;
    }

    private static void appendRow(StringBuilder data, PlannedRow row) {
        Object[] values = row.values();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                data.append(',');
            }
            appendField(data, values[i]);
        }
        data.append('\n');
    }

    /** Sends a file through {@code copySql}; returns how many rows the server took. */
    long file(String copySql, InputStream data) throws SQLException, IOException {
        try (data) {
            return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql, data, CHUNK);
        }
    }

    private static void send(CopyIn copy, StringBuilder data) throws SQLException {
        if (data.length() > 0) {
            byte[] bytes = data.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            data.setLength(0);
        }
    }

    /** One CSV field: nothing for NULL, else the value's text in double quotes (so "" is the empty string). */
    static void appendField(StringBuilder data, Object value) {
        if (value != null) {
            quote(data, input(value));
        }
    }

    /** A non-null value (an array too) as the server's input function for its column type reads it. */
    static String input(Object value) {
        return value instanceof List<?> list ? arrayLiteral(list) : text(value);
    }

    /** A value as PostgreSQL's input function for its column type reads it. */
    private static String text(Object value) {
        return value instanceof BigDecimal decimal ? decimal.toPlainString()
                : value.toString(); // ISO-8601 for java.time values, JSON text, enum labels, numbers, true/false
    }

    /** An array literal with every element double-quoted (so any text is one element) and NULL for null. */
    static String arrayLiteral(List<?> elements) {
        StringBuilder literal = new StringBuilder().append('{');
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                literal.append(',');
            }
            Object element = elements.get(i);
            if (element == null) {
                literal.append("NULL");
                continue;
            }
            String text = text(element);
            literal.append('"');
            for (int j = 0; j < text.length(); j++) {
                char c = text.charAt(j);
                if (c == '"' || c == '\\') {
                    literal.append('\\');
                }
                literal.append(c);
            }
            literal.append('"');
        }
        return literal.append('}').toString();
    }

    private static void quote(StringBuilder data, String text) {
        data.append('"');
        if (text.indexOf('"') < 0) {
            data.append(text);
        } else {
            data.append(text.replace("\"", "\"\""));
        }
        data.append('"');
    }
}
