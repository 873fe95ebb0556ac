package ai.brokle.migrate.dialect;

import ai.brokle.migrate.sql.SqlLexer;
import ai.brokle.migrate.sql.SqlStatement;
import ai.brokle.migrate.sql.SqlSyntax;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds statements that reach beyond one database (roles, other databases, a cluster), which {@code verify} must not
 * run on a scratch database. Each dialect gives its patterns; comments and string literals are ignored, while
 * dollar-quoted bodies are read like the code they are.
 */
public final class Isolation {

    private final SqlLexer lexer;
    private final List<Rule> rules;

    public record Rule(Pattern pattern, String reason) {
        public static Rule of(String regex, String reason) {
            return new Rule(Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.DOTALL), reason);
        }
    }

    public Isolation(SqlSyntax syntax, List<Rule> rules) {
        this.lexer = new SqlLexer(syntax);
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

    private String withoutCommentsAndStrings(String sql) {
        char[] code = sql.toCharArray();
        int i = 0;
        while (i < sql.length()) {
            SqlLexer.Region region = lexer.regionAt(sql, i);
            if (region == null) {
                i++;
            } else if (region.kind() == SqlLexer.Kind.DOLLAR_BODY) {
                i = region.contentStart();
            } else {
                SqlLexer.blank(code, region.comment() ? region.start() : region.contentStart(), region.contentEnd());
                i = region.end();
            }
        }
        return new String(code);
    }
}
