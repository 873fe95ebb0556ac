package ai.brokle.migrate.lint;

import ai.brokle.migrate.source.Migration;
import ai.brokle.migrate.sql.SqlStatement;
import ai.brokle.migrate.sql.SqlSyntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** One migration as the rules see it: its files, its split statements (up and down), and the rules it ignores. */
public final class MigrationUnit {

    private final Migration migration;
    private final List<LintStatement> up;
    private final List<LintStatement> down;
    private final Set<String> ignores;

    MigrationUnit(Migration migration, List<SqlStatement> up, List<SqlStatement> down, SqlSyntax syntax,
                  Set<String> ignores) {
        this.migration = migration;
        this.up = wrap(up, true, syntax);
        this.down = wrap(down, false, syntax);
        this.ignores = ignores;
    }

    private static List<LintStatement> wrap(List<SqlStatement> statements, boolean up, SqlSyntax syntax) {
        List<LintStatement> wrapped = new ArrayList<>(statements.size());
        for (SqlStatement statement : statements) {
            wrapped.add(new LintStatement(statement, up, syntax));
        }
        return wrapped;
    }

    public Migration migration() {
        return migration;
    }

    public List<LintStatement> up() {
        return up;
    }

    public List<LintStatement> down() {
        return down;
    }

    /** Up statements, then down statements. */
    public List<LintStatement> all() {
        List<LintStatement> all = new ArrayList<>(up);
        all.addAll(down);
        return all;
    }

    /** True when this migration's up creates the table (lower-case, without schema): it holds no rows yet. */
    public boolean createsTable(String table) {
        for (LintStatement statement : up) {
            if (Ddl.createTable(statement).filter(c -> c.table().equals(table)).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** Rule ids this migration's files ignore with {@code -- brokle-migrate:ignore RULE-ID}. */
    public Set<String> ignores() {
        return ignores;
    }
}
