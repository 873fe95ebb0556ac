package ai.brokle.migrate.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The project's one statement splitter. Splits SQL on top-level semicolons while honouring quotes, comments,
 * dollar-quoted bodies and {@code -- +migrate StatementBegin/StatementEnd} blocks. Comment-only pieces are dropped;
 * a missing trailing semicolon is fine.
 */
public final class StatementSplitter {

    private static final Pattern BEGIN = Pattern.compile("(?i)^--\\s*\\+migrate\\s+StatementBegin\\s*$");
    private static final Pattern END = Pattern.compile("(?i)^\\s*--\\s*\\+migrate\\s+StatementEnd\\s*$");

    private final SqlSyntax syntax;

    public StatementSplitter(SqlSyntax syntax) {
        this.syntax = syntax;
    }

    public List<SqlStatement> split(String sql) {
        return new Scan(sql).run();
    }

    /** One pass over one text; holds the cursor state. */
    private final class Scan {
        private final String s;
        private final List<SqlStatement> out = new ArrayList<>();
        private int pos;
        private int line = 1;
        private int start = -1;      // first significant character of the current statement
        private int startLine;

        Scan(String s) {
            this.s = s;
        }

        List<SqlStatement> run() {
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == '-' && peek(1) == '-') {
                    int eol = lineEnd(pos);
                    if (start < 0 && isLineStart(pos) && BEGIN.matcher(s.substring(pos, eol).strip()).matches()) {
                        verbatimBlock(eol);
                    } else {
                        advanceTo(eol);
                    }
                } else if (c == '#' && syntax.hashComments()) {
                    advanceTo(lineEnd(pos));
                } else if (c == '/' && peek(1) == '*') {
                    blockComment();
                } else if (c == ';') {
                    flush(pos);
                    pos++;
                } else {
                    if (!Character.isWhitespace(c)) {
                        markStart();
                    }
                    if (c == '\'') {
                        quoted('\'', syntax.backslashEscapes() || isEscapeString());
                    } else if (c == '"') {
                        quoted('"', syntax.backslashEscapes());
                    } else if (c == '`' && syntax.backticks()) {
                        quoted('`', true);
                    } else if (c == '$' && syntax.dollarQuotes() && dollarQuote()) {
                        // consumed by dollarQuote()
                    } else {
                        step();
                    }
                }
            }
            flush(s.length());
            return out;
        }

        private void markStart() {
            if (start < 0) {
                start = pos;
                startLine = line;
            }
        }

        private void flush(int end) {
            if (start >= 0) {
                String text = s.substring(start, end).strip();
                if (!text.isEmpty()) {
                    out.add(new SqlStatement(out.size() + 1, startLine, text));
                }
            }
            start = -1;
        }

        /** {@code -- +migrate StatementBegin} ... {@code -- +migrate StatementEnd}: one statement, never split. */
        private void verbatimBlock(int beginEol) {
            advanceTo(beginEol);
            if (pos < s.length()) {
                step();
            }
            int bodyStart = pos;
            int bodyLine = line;
            while (pos < s.length()) {
                int eol = lineEnd(pos);
                if (END.matcher(s.substring(pos, eol)).matches()) {
                    addVerbatim(bodyStart, pos, bodyLine);
                    advanceTo(eol);
                    return;
                }
                advanceTo(eol);
                if (pos < s.length()) {
                    step();
                }
            }
            addVerbatim(bodyStart, s.length(), bodyLine);
        }

        private void addVerbatim(int from, int to, int firstLine) {
            String text = s.substring(from, to).strip();
            if (text.endsWith(";")) {
                text = text.substring(0, text.length() - 1).stripTrailing();
            }
            int leading = 0;
            while (from + leading < to && Character.isWhitespace(s.charAt(from + leading))) {
                if (s.charAt(from + leading) == '\n') {
                    firstLine++;
                }
                leading++;
            }
            if (!text.isEmpty()) {
                out.add(new SqlStatement(out.size() + 1, firstLine, text));
            }
        }

        private void quoted(char quote, boolean backslashEscapes) {
            step();
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (backslashEscapes && c == '\\') {
                    step();
                    if (pos < s.length()) {
                        step();
                    }
                } else if (c == quote) {
                    step();
                    if (peek(0) == quote) {
                        step(); // doubled quote is an escaped quote
                    } else {
                        return;
                    }
                } else {
                    step();
                }
            }
        }

        /** PostgreSQL E'...' strings take backslash escapes. */
        private boolean isEscapeString() {
            if (pos == 0 || Character.toUpperCase(s.charAt(pos - 1)) != 'E') {
                return false;
            }
            return pos < 2 || !isIdentifierChar(s.charAt(pos - 2));
        }

        /** Consumes {@code $tag$ ... $tag$} if one starts here; returns false when this '$' is not a quote. */
        private boolean dollarQuote() {
            if (pos > 0 && isIdentifierChar(s.charAt(pos - 1))) {
                return false; // part of an identifier such as a$b
            }
            int tagEnd = pos + 1;
            while (tagEnd < s.length() && isIdentifierChar(s.charAt(tagEnd)) && s.charAt(tagEnd) != '$') {
                tagEnd++;
            }
            if (tagEnd >= s.length() || s.charAt(tagEnd) != '$'
                    || (tagEnd > pos + 1 && Character.isDigit(s.charAt(pos + 1)))) {
                return false; // $1 parameters and lone dollars
            }
            String tag = s.substring(pos, tagEnd + 1);
            int close = s.indexOf(tag, tagEnd + 1);
            advanceTo(close < 0 ? s.length() : close + tag.length());
            return true;
        }

        private void blockComment() {
            int depth = 0;
            while (pos < s.length()) {
                if (s.charAt(pos) == '/' && peek(1) == '*' && (depth == 0 || syntax.nestedBlockComments())) {
                    depth++;
                    advanceTo(pos + 2);
                } else if (s.charAt(pos) == '*' && peek(1) == '/') {
                    depth--;
                    advanceTo(pos + 2);
                    if (depth == 0) {
                        return;
                    }
                } else {
                    step();
                }
            }
        }

        private boolean isLineStart(int at) {
            for (int i = at - 1; i >= 0 && s.charAt(i) != '\n'; i--) {
                if (!Character.isWhitespace(s.charAt(i))) {
                    return false;
                }
            }
            return true;
        }

        private int lineEnd(int from) {
            int eol = s.indexOf('\n', from);
            return eol < 0 ? s.length() : eol;
        }

        private char peek(int offset) {
            int at = pos + offset;
            return at < s.length() ? s.charAt(at) : '\0';
        }

        private void step() {
            if (s.charAt(pos) == '\n') {
                line++;
            }
            pos++;
        }

        private void advanceTo(int target) {
            while (pos < target) {
                step();
            }
        }
    }

    private static boolean isIdentifierChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
