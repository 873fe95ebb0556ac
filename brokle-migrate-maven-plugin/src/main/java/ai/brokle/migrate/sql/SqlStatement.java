package ai.brokle.migrate.sql;

/**
 * One statement of a migration file, without its terminating semicolon.
 *
 * @param number 1-based position of the statement in its file section
 * @param line   1-based line where the statement starts in its file section
 * @param sql    the statement text as it will be sent to the database
 */
public record SqlStatement(int number, int line, String sql) {

    /** The first line of the statement, for error messages. */
    public String firstLine() {
        int end = sql.indexOf('\n');
        return end < 0 ? sql : sql.substring(0, end).stripTrailing();
    }
}
