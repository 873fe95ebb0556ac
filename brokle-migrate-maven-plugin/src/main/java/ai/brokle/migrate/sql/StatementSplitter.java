package ai.brokle.migrate.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The project's one statement splitter. Splits SQL on top-level semicolons while honouring quotes, comments,
 * dollar-quoted bodies, {@code BEGIN ATOMIC ... END} bodies (inside one, {@code CASE} opens a block and {@code END}
 * closes one) and {@code -- +migrate StatementBegin/StatementEnd} blocks. Comment-only pieces are dropped; a missing
 * trailing semicolon is fine.
 */
public final class StatementSplitter {

    private static final Pattern BEGIN = Pattern.compile("(?i)^--\\s*\\+migrate\\s+StatementBegin\\s*$");
    private static final Pattern END = Pattern.compile("(?i)^\\s*--\\s*\\+migrate\\s+StatementEnd\\s*$");

    private final SqlLexer lexer;
    private final boolean atomicBodies;

    public StatementSplitter(SqlSyntax syntax) {
        this.lexer = new SqlLexer(syntax);
        this.atomicBodies = syntax.atomicBodies();
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
        private int blocks;          // open BEGIN ATOMIC / CASE blocks of the current statement

        Scan(String s) {
            this.s = s;
        }

        List<SqlStatement> run() {
            while (pos < s.length()) {
                char c = s.charAt(pos);
                SqlLexer.Region region = lexer.regionAt(s, pos);
                if (region != null && region.kind() == SqlLexer.Kind.LINE_COMMENT && c == '-' && start < 0
                        && isLineStart(pos) && BEGIN.matcher(s.substring(pos, region.end()).strip()).matches()) {
                    verbatimBlock(region.end());
                } else if (region != null) {
                    if (!region.comment()) {
                        markStart();
                    }
                    advanceTo(region.end());
                } else if (c == ';' && blocks == 0) {
                    flush(pos);
                    pos++;
                } else if (atomicBodies && (Character.isLetter(c) || c == '_')) {
                    markStart();
                    word();
                } else {
                    if (!Character.isWhitespace(c)) {
                        markStart();
                    }
                    step();
                }
            }
            flush(s.length());
            return out;
        }

        /** A word outside strings and comments; counts the blocks of BEGIN ATOMIC bodies. */
        private void word() {
            int end = wordEnd(pos);
            if (is(pos, end, "begin")) {
                int next = end;
                while (next < s.length() && Character.isWhitespace(s.charAt(next))) {
                    next++;
                }
                if (is(next, wordEnd(next), "atomic")) {
                    blocks++;
                }
            } else if (blocks > 0 && is(pos, end, "case")) {
                blocks++;
            } else if (blocks > 0 && is(pos, end, "end")) {
                blocks--;
            }
            pos = end;
        }

        /** The word from {@code from} to {@code end} is this keyword, in any case (no copy of the word is made). */
        private boolean is(int from, int end, String keyword) {
            return end - from == keyword.length() && s.regionMatches(true, from, keyword, 0, keyword.length());
        }

        private int wordEnd(int from) {
            int end = from;
            while (end < s.length() && SqlLexer.isIdentifierChar(s.charAt(end))) {
                end++;
            }
            return end;
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
            blocks = 0;
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
}
