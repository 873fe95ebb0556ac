package ai.brokle.migrate.lint;

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
        char[] out = sql.toUpperCase(Locale.ROOT).toCharArray();
        String open = null;
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            char next = i + 1 < n ? sql.charAt(i + 1) : '\0';
            if (c == '-' && next == '-' || c == '#' && syntax.hashComments()) {
                int eol = sql.indexOf('\n', i);
                i = blank(out, i, eol < 0 ? n : eol);
            } else if (c == '/' && next == '*') {
                int end = blockCommentEnd(sql, i, syntax.nestedBlockComments());
                open = end < 0 ? "a /* comment" : open;
                i = blank(out, i, end < 0 ? n : end);
            } else if (c == '\'') {
                boolean escapes = syntax.backslashEscapes() || i > 0 && Character.toUpperCase(sql.charAt(i - 1)) == 'E';
                int end = quoteEnd(sql, i, '\'', escapes);
                open = end < 0 ? "a string (')" : open;
                i = blank(out, i + 1, end < 0 ? n : end - 1) + 1;
            } else if (c == '"' || c == '`' && syntax.backticks()) {
                int end = quoteEnd(sql, i, c, c == '`' || syntax.backslashEscapes());
                open = end < 0 ? "a quoted name (" + c + ")" : open;
                out[i] = ' ';
                if (end > 0) {
                    out[end - 1] = ' ';
                }
                i = end < 0 ? n : end;
            } else if (c == '$' && syntax.dollarQuotes() && dollarTag(sql, i) != null) {
                String tag = dollarTag(sql, i);
                int close = sql.indexOf(tag, i + tag.length());
                open = close < 0 ? "a " + tag + " body" : open;
                i = blank(out, i + tag.length(), close < 0 ? n : close) + (close < 0 ? 0 : tag.length());
            } else {
                i++;
            }
        }
        return new SqlText(new String(out), open);
    }

    /** Blanks [from, to) except line breaks; returns {@code to}. */
    private static int blank(char[] out, int from, int to) {
        for (int i = from; i < to && i < out.length; i++) {
            if (out[i] != '\n') {
                out[i] = ' ';
            }
        }
        return to;
    }

    /** The offset after the closing quote, or -1. */
    private static int quoteEnd(String s, int start, char quote, boolean backslashEscapes) {
        for (int i = start + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (backslashEscapes && c == '\\') {
                i++;
            } else if (c == quote) {
                if (i + 1 < s.length() && s.charAt(i + 1) == quote) {
                    i++;
                } else {
                    return i + 1;
                }
            }
        }
        return -1;
    }

    private static int blockCommentEnd(String s, int start, boolean nested) {
        int depth = 0;
        for (int i = start; i < s.length() - 1; i++) {
            if (s.charAt(i) == '/' && s.charAt(i + 1) == '*' && (depth == 0 || nested)) {
                depth++;
                i++;
            } else if (s.charAt(i) == '*' && s.charAt(i + 1) == '/') {
                depth--;
                i++;
                if (depth == 0) {
                    return i + 1;
                }
            }
        }
        return -1;
    }

    /** {@code $tag$} starting at {@code i}, or null when this dollar does not open a body. */
    private static String dollarTag(String s, int i) {
        if (i > 0 && (Character.isLetterOrDigit(s.charAt(i - 1)) || s.charAt(i - 1) == '_')) {
            return null;
        }
        int end = i + 1;
        while (end < s.length() && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '_')) {
            end++;
        }
        if (end >= s.length() || s.charAt(end) != '$' || end > i + 1 && Character.isDigit(s.charAt(i + 1))) {
            return null;
        }
        return s.substring(i, end + 1);
    }
}
