package ai.brokle.migrate.dialect;

import ai.brokle.migrate.sql.SqlStatement;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds statements that reach beyond one database (roles, other databases, a cluster), which {@code verify} must not
 * run on a scratch database. Each dialect gives its patterns; comments and string literals are ignored.
 */
public final class Isolation {

    private final List<Rule> rules;

    public record Rule(Pattern pattern, String reason) {
        public static Rule of(String regex, String reason) {
            return new Rule(Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.DOTALL), reason);
        }
    }

    public Isolation(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The first statement that reaches beyond the database, as "line N: reason (first line)", or empty. */
    public Optional<String> problem(List<SqlStatement> statements) {
        for (SqlStatement statement : statements) {
            String code = withoutCommentsAndStrings(statement.sql());
            for (Rule rule : rules) {
                Matcher m = rule.pattern().matcher(code);
                if (m.find()) {
                    String what = m.groupCount() >= 1 && m.group(1) != null ? m.group(1) : m.group();
                    return Optional.of("line " + statement.line() + ": " + rule.reason().replace("{}", what.strip())
                            + " (" + statement.firstLine().strip() + ")");
                }
            }
        }
        return Optional.empty();
    }

    static String withoutCommentsAndStrings(String sql) {
        return sql.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("--[^\\n]*", " ").replaceAll("'(?:[^']|'')*'", "''");
    }
}
