package ai.brokle.migrate.seed;

import java.util.Optional;

/** Checks JSON text written in a seed as a string: a strict recursive-descent syntax check (RFC 8259). */
final class JsonSyntax {

    private JsonSyntax() {
    }

    /** Where JSON text stops being valid JSON, or empty when it is valid. */
    static Optional<String> problem(String text) {
        Checker checker = new Checker(text);
        try {
            checker.skipSpace();
            checker.value(0);
            checker.skipSpace();
            if (checker.pos < text.length()) {
                checker.fail("unexpected text after the JSON value");
            }
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static final class Checker {
        private final String text;
        private int pos;

        Checker(String text) {
            this.text = text;
        }

        void value(int depth) {
            if (depth > 512) {
                fail("nested too deeply");
            }
            char c = peek();
            switch (c) {
                case '{' -> object(depth);
                case '[' -> array(depth);
                case '"' -> string();
                case 't' -> literal("true");
                case 'f' -> literal("false");
                case 'n' -> literal("null");
                default -> {
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        number();
                    } else {
                        fail("expected a JSON value");
                    }
                }
            }
        }

        void object(int depth) {
            pos++;
            skipSpace();
            if (peek() == '}') {
                pos++;
                return;
            }
            while (true) {
                skipSpace();
                if (peek() != '"') {
                    fail("expected a quoted key");
                }
                string();
                skipSpace();
                expect(':');
                skipSpace();
                value(depth + 1);
                skipSpace();
                if (peek() == ',') {
                    pos++;
                } else {
                    expect('}');
                    return;
                }
            }
        }

        void array(int depth) {
            pos++;
            skipSpace();
            if (peek() == ']') {
                pos++;
                return;
            }
            while (true) {
                skipSpace();
                value(depth + 1);
                skipSpace();
                if (peek() == ',') {
                    pos++;
                } else {
                    expect(']');
                    return;
                }
            }
        }

        void string() {
            pos++;
            while (pos < text.length()) {
                char c = text.charAt(pos++);
                if (c == '"') {
                    return;
                }
                if (c == '\\') {
                    char escaped = peek();
                    pos++;
                    if (escaped == 'u') {
                        for (int i = 0; i < 4; i++) {
                            if (Character.digit(peek(), 16) < 0) {
                                fail("bad \\u escape");
                            }
                            pos++;
                        }
                    } else if ("\"\\/bfnrt".indexOf(escaped) < 0) {
                        fail("bad escape \\" + escaped);
                    }
                } else if (c < 0x20) {
                    pos--;
                    fail("control character in a string");
                }
            }
            fail("unterminated string");
        }

        void number() {
            if (peek() == '-') {
                pos++;
            }
            digits();
            if (peek() == '.') {
                pos++;
                digits();
            }
            if (peek() == 'e' || peek() == 'E') {
                pos++;
                if (peek() == '+' || peek() == '-') {
                    pos++;
                }
                digits();
            }
        }

        void digits() {
            int start = pos;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
            if (pos == start) {
                fail("expected a digit");
            }
        }

        void literal(String word) {
            if (!text.startsWith(word, pos)) {
                fail("expected a JSON value");
            }
            pos += word.length();
        }

        void expect(char c) {
            if (peek() != c) {
                fail("expected '" + c + "'");
            }
            pos++;
        }

        char peek() {
            return pos < text.length() ? text.charAt(pos) : '\0';
        }

        void skipSpace() {
            while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
        }

        void fail(String problem) {
            throw new IllegalArgumentException(problem + " at character " + (pos + 1));
        }
    }
}
