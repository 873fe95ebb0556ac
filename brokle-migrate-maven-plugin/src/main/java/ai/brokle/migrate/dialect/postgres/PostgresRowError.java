package ai.brokle.migrate.dialect.postgres;

import ai.brokle.migrate.Failures;
import ai.brokle.migrate.seed.RowGroup.PlannedRow;
import ai.brokle.migrate.seed.SeedWriteException;
import ai.brokle.migrate.seed.TableSchema;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.SQLException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns PostgreSQL's refusal of one seed row into a message naming the row's line and, when it can, the key. */
final class PostgresRowError {

    private static final Pattern KEY_DETAIL = Pattern.compile("Key \\(\"?([^,)\"]+)");
    private static final Pattern QUOTED_VALUE = Pattern.compile(": \"(.*)\"$");
    /** COPY's error context: {@code COPY users, line 3, column email: "..."}. */
    private static final Pattern COPY_LINE = Pattern.compile("^COPY .*?, line (\\d+)(?:, column ([^:]+))?");

    private PostgresRowError() {
    }

    /** The line of COPY's data an error names (1 for the first line sent), or -1 when it names none. */
    static long copyLine(SQLException e) {
        Matcher m = where(e);
        return m == null ? -1 : Long.parseLong(m.group(1));
    }

    private static Matcher where(SQLException e) {
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        Matcher m = server == null || server.getWhere() == null ? null : COPY_LINE.matcher(server.getWhere());
        return m != null && m.find() ? m : null;
    }

    /**
     * @param columns           the columns the row gives, in the order of {@code row}'s lines
     * @param constraintColumns the columns of the violated constraint, when the database named one
     */
    static SeedWriteException of(TableSchema table, List<String> columns, PlannedRow row, SQLException e,
                                 List<String> constraintColumns) {
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        String reason = server == null ? Failures.firstLine(e.getMessage()) : server.getMessage();
        String detail = server == null ? null : server.getDetail();
        int index = column(columns, row, e, server, reason, detail, constraintColumns);
        int line = index < 0 ? row.line() : row.lines()[index];
        String key = table.name() + (index < 0 ? "" : "." + columns.get(index));
        return new SeedWriteException(row.file() + ":" + line + ": " + key + ": the database refused the row: "
                + reason + (detail == null ? "" : " (" + detail + ")") + ". Nothing was written (the transaction "
                + "was rolled back). Fix the row" + (index < 0 ? "" : "'s " + columns.get(index))
                + " so it meets the table's constraints, then seed again.", e);
    }

    /** The index of the column the error is about, or -1. */
    private static int column(List<String> columns, PlannedRow row, SQLException e, ServerErrorMessage server,
                              String reason, String detail, List<String> constraintColumns) {
        if (server != null && server.getColumn() != null && columns.contains(server.getColumn())) {
            return columns.indexOf(server.getColumn());
        }
        Matcher copy = where(e);
        if (copy != null && copy.group(2) != null && columns.contains(copy.group(2).strip())) {
            return columns.indexOf(copy.group(2).strip());
        }
        if (detail != null) {
            Matcher key = KEY_DETAIL.matcher(detail);
            if (key.find() && columns.contains(key.group(1).strip())) {
                return columns.indexOf(key.group(1).strip());
            }
        }
        if (constraintColumns.size() == 1 && columns.contains(constraintColumns.get(0))) {
            return columns.indexOf(constraintColumns.get(0));
        }
        Matcher value = QUOTED_VALUE.matcher(reason);
        if (value.find()) {
            for (int i = 0; i < row.values().length; i++) {
                if (row.values()[i] != null && row.values()[i].toString().equals(value.group(1))) {
                    return i;
                }
            }
        }
        return -1;
    }
}
