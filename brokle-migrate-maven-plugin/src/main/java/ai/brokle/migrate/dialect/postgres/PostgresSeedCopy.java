package ai.brokle.migrate.dialect.postgres;

import ai.brokle.migrate.seed.ColumnType;
import ai.brokle.migrate.seed.JsonText;
import ai.brokle.migrate.seed.RowGroup;
import ai.brokle.migrate.seed.RowGroup.PlannedRow;
import ai.brokle.migrate.seed.TableSchema;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

/**
 * Inserts a group of rows with {@code COPY table (columns) FROM STDIN}, PostgreSQL's bulk load, through the driver's
 * CopyManager. Rows travel in COPY's text format: each value is the same text the upsert sends in its column arrays
 * (the server parses it with the column type's input function), escaped for the format; a value is never part of
 * the SQL. Used only for rows that can only be inserted: see {@link PostgresSeedStore}.
 */
final class PostgresSeedCopy {

    /** Characters buffered before they go to the server. */
    private static final int CHUNK = 1 << 16;

    private final Connection connection;

    PostgresSeedCopy(Connection connection) {
        this.connection = connection;
    }

    /** True when every column's values have a text form COPY reads (maps, a ClickHouse type, have none here). */
    static boolean accepts(TableSchema table, RowGroup group) {
        for (String column : group.columns()) {
            ColumnType type = table.columns().get(column).type();
            if (type.kind() == ColumnType.Kind.MAP || type.kind() == ColumnType.Kind.ARRAY
                    && (type.element().kind() == ColumnType.Kind.ARRAY || type.element().kind() == ColumnType.Kind.MAP)) {
                return false;
            }
        }
        return true;
    }

    /** Sends the rows through {@code copySql}; returns how many rows the server inserted. */
    long copy(String copySql, List<PlannedRow> rows) throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
        try {
            StringBuilder data = new StringBuilder(CHUNK + 4096);
            for (PlannedRow row : rows) {
                Object[] values = row.values();
                for (int i = 0; i < values.length; i++) {
                    if (i > 0) {
                        data.append('\t');
                    }
                    appendField(data, values[i]);
                }
                data.append('\n');
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

    private static void send(CopyIn copy, StringBuilder data) throws SQLException {
        if (data.length() > 0) {
            byte[] bytes = data.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            data.setLength(0);
        }
    }

    /**
     * One field of COPY's text format: {@code \N} for NULL, else the value's text with \, tab, LF and CR escaped.
     * The frequent types are written straight into the buffer, in the same form their toString() gives.
     */
    static void appendField(StringBuilder data, Object value) {
        if (value == null) {
            data.append("\\N");
        } else if (value instanceof String text) {
            escape(data, text);
        } else if (value instanceof JsonText json) {
            escape(data, json.json());
        } else if (value instanceof Boolean bool) {
            data.append(bool ? "true" : "false");
        } else if (value instanceof Long number) {
            data.append(number.longValue());
        } else if (value instanceof LocalDateTime dateTime && dateTime.getYear() >= 1000 && dateTime.getYear() <= 9999) {
            appendDate(data, dateTime.toLocalDate());
            data.append('T');
            appendTime(data, dateTime.toLocalTime());
        } else if (value instanceof LocalDate date && date.getYear() >= 1000 && date.getYear() <= 9999) {
            appendDate(data, date);
        } else if (value instanceof List<?> list) {
            escape(data, arrayLiteral(list));
        } else {
            escape(data, PostgresSeedBinder.text(value));
        }
    }

    /** yyyy-MM-dd, as LocalDate.toString() writes four-digit years. */
    private static void appendDate(StringBuilder data, LocalDate date) {
        data.append(date.getYear()).append('-');
        twoDigits(data, date.getMonthValue());
        data.append('-');
        twoDigits(data, date.getDayOfMonth());
    }

    /** HH:mm:ss and the nanoseconds if any (the server rounds them to microseconds, as it does LocalTime's text). */
    private static void appendTime(StringBuilder data, LocalTime time) {
        twoDigits(data, time.getHour());
        data.append(':');
        twoDigits(data, time.getMinute());
        data.append(':');
        twoDigits(data, time.getSecond());
        int nanos = time.getNano();
        if (nanos > 0) {
            data.append('.');
            for (int unit = 100_000_000; unit > 0; unit /= 10) {
                data.append((char) ('0' + nanos / unit % 10));
            }
        }
    }

    private static void twoDigits(StringBuilder data, int value) {
        data.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
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
            String text = PostgresSeedBinder.text(element);
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

    private static void escape(StringBuilder data, String text) {
        int length = text.length();
        int plain = 0;
        while (plain < length && !special(text.charAt(plain))) {
            plain++;
        }
        if (plain == length) {
            data.append(text);
            return;
        }
        data.append(text, 0, plain);
        for (int i = plain; i < length; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> data.append("\\\\");
                case '\t' -> data.append("\\t");
                case '\n' -> data.append("\\n");
                case '\r' -> data.append("\\r");
                default -> data.append(c);
            }
        }
    }

    private static boolean special(char c) {
        return c == '\\' || c == '\t' || c == '\n' || c == '\r';
    }
}
