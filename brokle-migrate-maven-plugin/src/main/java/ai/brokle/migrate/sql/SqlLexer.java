package ai.brokle.migrate.sql;

/**
 * The project's one reader of what in SQL is not code: comments, string literals, quoted names and dollar-quoted
 * bodies, by each database's {@link SqlSyntax}. The statement splitter, {@code validate}'s masking and
 * {@code verify}'s isolation check all find them here.
 */
public final class SqlLexer {

    public enum Kind { LINE_COMMENT, BLOCK_COMMENT, STRING, QUOTED_NAME, DOLLAR_BODY }

    /**
     * One comment, literal, quoted name or body.
     *
     * @param start      its first character
     * @param end        the offset after it (the text's end when it is not terminated; a line comment ends before
     *                   its line break)
     * @param opening    the length of what opens it ({@code --}, {@code '}, {@code $tag$}, ...)
     * @param terminated false when the text ends inside it
     */
    public record Region(Kind kind, int start, int end, int opening, boolean terminated) {

        public boolean comment() {
            return kind == Kind.LINE_COMMENT || kind == Kind.BLOCK_COMMENT;
        }

        /** Where what it holds starts: after its opening delimiter. */
        public int contentStart() {
            return start + opening;
        }

        /** Where what it holds ends: before its closing delimiter. */
        public int contentEnd() {
            return terminated && kind != Kind.LINE_COMMENT ? end - opening : end;
        }
    }

    private final SqlSyntax syntax;

    public SqlLexer(SqlSyntax syntax) {
        this.syntax = syntax;
    }

    /** The region that starts at offset {@code i} of {@code s}, or null when code starts there. */
    public Region regionAt(String s, int i) {
        char c = s.charAt(i);
        char next = i + 1 < s.length() ? s.charAt(i + 1) : '\0';
        if (c == '-' && next == '-' || c == '#' && syntax.hashComments()) {
            int eol = s.indexOf('\n', i);
            return new Region(Kind.LINE_COMMENT, i, eol < 0 ? s.length() : eol, c == '#' ? 1 : 2, true);
        }
        if (c == '/' && next == '*') {
            return closed(Kind.BLOCK_COMMENT, s, i, 2, blockCommentEnd(s, i));
        }
        if (c == '\'') {
            return closed(Kind.STRING, s, i, 1, quoteEnd(s, i, syntax.backslashEscapes() || isEscapeString(s, i)));
        }
        if (c == '"' || c == '`' && syntax.backticks()) {
            return closed(Kind.QUOTED_NAME, s, i, 1, quoteEnd(s, i, c == '`' || syntax.backslashEscapes()));
        }
        String tag = c == '$' && syntax.dollarQuotes() ? dollarTag(s, i) : null;
        if (tag != null) {
            int close = s.indexOf(tag, i + tag.length());
            return closed(Kind.DOLLAR_BODY, s, i, tag.length(), close < 0 ? -1 : close + tag.length());
        }
        return null;
    }

    /** Blanks {@code text[from, to)} but its line breaks, so offsets and line numbers stay. */
    public static void blank(char[] text, int from, int to) {
        for (int i = from; i < to && i < text.length; i++) {
            if (text[i] != '\n') {
                text[i] = ' ';
            }
        }
    }

    private static Region closed(Kind kind, String s, int start, int opening, int end) {
        return new Region(kind, start, end < 0 ? s.length() : end, opening, end >= 0);
    }

    /** The offset after the quote that closes the one at {@code start} (doubled quotes stay inside), or -1. */
    private static int quoteEnd(String s, int start, boolean backslashEscapes) {
        char quote = s.charAt(start);
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

    /** PostgreSQL E'...' strings take backslash escapes. */
    private static boolean isEscapeString(String s, int quote) {
        return quote > 0 && Character.toUpperCase(s.charAt(quote - 1)) == 'E'
                && (quote < 2 || !isIdentifierChar(s.charAt(quote - 2)));
    }

    private int blockCommentEnd(String s, int start) {
        int depth = 0;
        for (int i = start; i < s.length() - 1; i++) {
            if (s.charAt(i) == '/' && s.charAt(i + 1) == '*' && (depth == 0 || syntax.nestedBlockComments())) {
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

    /** {@code $tag$} starting at {@code i}, or null for a lone dollar, a {@code $1} parameter or a name's dollar. */
    private static String dollarTag(String s, int i) {
        if (i > 0 && isIdentifierChar(s.charAt(i - 1))) {
            return null;
        }
        int end = i + 1;
        while (end < s.length() && isIdentifierChar(s.charAt(end)) && s.charAt(end) != '$') {
            end++;
        }
        if (end >= s.length() || s.charAt(end) != '$' || end > i + 1 && Character.isDigit(s.charAt(i + 1))) {
            return null;
        }
        return s.substring(i, end + 1);
    }

    /** A character that continues a name or keyword: letter, digit, {@code _} or {@code $}. */
    static boolean isIdentifierChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
