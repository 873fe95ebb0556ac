package ai.brokle.migrate.lint;

import ai.brokle.migrate.sql.SqlStatement;
import ai.brokle.migrate.sql.SqlSyntax;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One statement of a migration with its masked text ({@link SqlText}) for rules to match against. */
public final class LintStatement {

    private final SqlStatement statement;
    private final boolean up;
    private final SqlText masked;
    private java.util.Optional<Ddl.CreateTable> createTable;
    private java.util.Optional<Ddl.AlterTable> alterTable;

    LintStatement(SqlStatement statement, boolean up, SqlSyntax syntax) {
        this.statement = statement;
        this.up = up;
        this.masked = SqlText.mask(statement.sql(), syntax);
    }

    /** The statement read as a CREATE TABLE, once (rules ask many times). */
    java.util.Optional<Ddl.CreateTable> createTable() {
        if (createTable == null) {
            createTable = Ddl.parseCreateTable(this);
        }
        return createTable;
    }

    /** The statement read as an ALTER TABLE, once. */
    java.util.Optional<Ddl.AlterTable> alterTable() {
        if (alterTable == null) {
            alterTable = Ddl.parseAlterTable(this);
        }
        return alterTable;
    }

    public SqlStatement statement() {
        return statement;
    }

    /** True for a statement of the up SQL, false for the down SQL. */
    public boolean up() {
        return up;
    }

    /** Upper-cased, comments and literals blanked, same offsets as {@link SqlStatement#sql()}. */
    public String text() {
        return masked.text();
    }

    /** What the statement leaves open at its end (a string, a comment), or null. */
    public String unterminated() {
        return masked.unterminated();
    }

    public int line() {
        return statement.line();
    }

    /** The file line of an offset in the statement. */
    public int lineAt(int offset) {
        int line = statement.line();
        String sql = statement.sql();
        for (int i = 0; i < offset && i < sql.length(); i++) {
            if (sql.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The masked text matches the pattern from its start (patterns are written in upper case). */
    public Matcher starting(Pattern pattern) {
        Matcher m = pattern.matcher(masked.text());
        return m.lookingAt() ? m : null;
    }

    public boolean startsWith(Pattern pattern) {
        return pattern.matcher(masked.text()).lookingAt();
    }

    public boolean contains(Pattern pattern) {
        return pattern.matcher(masked.text()).find();
    }

    /** The first line of the statement, for messages. */
    public String shown() {
        String first = statement.firstLine();
        return "'" + (first.length() > 80 ? first.substring(0, 77) + "..." : first) + "'";
    }
}
