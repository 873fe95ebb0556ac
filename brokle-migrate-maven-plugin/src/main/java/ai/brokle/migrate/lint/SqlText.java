package ai.brokle.migrate.lint;

import ai.brokle.migrate.sql.SqlLexer;
import ai.brokle.migrate.sql.SqlSyntax;

import java.util.Locale;

/**
 * A statement prepared for pattern matching: upper-cased, with comments, string contents and dollar-quoted bodies
 * blanked and identifier quotes removed. Every character keeps its offset, so a match's offset gives its line.
 *
 * @param text         the masked text, as long as the statement
 * @param unterminated what is left open at the end ({@code "a string"}, {@code "a comment"}, ...), or null
 */
public record SqlText(String text, String unterminated) {

    public static SqlText mask(String sql, SqlSyntax syntax) {
        SqlLexer lexer = new SqlLexer(syntax);
        char[] out = sql.toUpperCase(Locale.ROOT).toCharArray();
        String open = null;
        int i = 0;
        while (i < sql.length()) {
            SqlLexer.Region region = lexer.regionAt(sql, i);
            if (region == null) {
                i++;
                continue;
            }
            if (region.kind() == SqlLexer.Kind.QUOTED_NAME) {
                out[region.start()] = ' ';
                if (region.terminated()) {
                    out[region.end() - 1] = ' ';
                }
            } else {
                SqlLexer.blank(out, region.comment() ? region.start() : region.contentStart(), region.contentEnd());
            }
            if (!region.terminated()) {
                open = unterminated(region, sql);
            }
            i = region.end();
        }
        return new SqlText(new String(out), open);
    }

    private static String unterminated(SqlLexer.Region region, String sql) {
        return switch (region.kind()) {
            case BLOCK_COMMENT -> "a /* comment";
            case STRING -> "a string (')";
            case QUOTED_NAME -> "a quoted name (" + sql.charAt(region.start()) + ")";
            case DOLLAR_BODY -> "a " + sql.substring(region.start(), region.contentStart()) + " body";
            case LINE_COMMENT -> null;
        };
    }
}
