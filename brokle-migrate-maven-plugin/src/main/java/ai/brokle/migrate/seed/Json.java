package ai.brokle.migrate.seed;

import ai.brokle.migrate.seed.YamlNode.Entry;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;

/** Writes YAML maps and lists as JSON, and checks JSON text written as a string. No library needed for either. */
final class Json {

    private Json() {
    }

    /** The node as JSON: maps become objects, lists arrays, scalars take the type YAML gave them. */
    static String write(YamlNode node) {
        StringBuilder out = new StringBuilder();
        write(node, out);
        return out.toString();
    }

    private static void write(YamlNode node, StringBuilder out) {
        if (node instanceof YamlNode.Mapping mapping) {
            out.append('{');
            boolean first = true;
            for (Entry entry : mapping.entries()) {
                out.append(first ? "" : ",");
                first = false;
                string(entry.key(), out);
                out.append(':');
                write(entry.value(), out);
            }
            out.append('}');
        } else if (node instanceof YamlNode.Sequence sequence) {
            out.append('[');
            for (int i = 0; i < sequence.items().size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(sequence.items().get(i), out);
            }
            out.append(']');
        } else {
            scalar((YamlNode.Scalar) node, out);
        }
    }

    private static void scalar(YamlNode.Scalar scalar, StringBuilder out) {
        switch (scalar.kind()) {
            case NULL -> out.append("null");
            case BOOLEAN -> out.append(ValueConverter.parseBoolean(scalar.text()).orElse(false));
            case INTEGER, FLOAT -> out.append(number(scalar.text()).orElseGet(() -> quoted(scalar.text())));
            default -> string(scalar.text(), out);
        }
    }

    /** A YAML number as a JSON number; empty for .inf/.nan and forms JSON lacks (which stay strings). */
    private static Optional<String> number(String text) {
        String plain = text.replace("_", "");
        try {
            return Optional.of(plain.contains(".") || plain.toLowerCase(Locale.ROOT).contains("e")
                    ? new BigDecimal(plain).toString() : new BigInteger(plain.startsWith("+") ? plain.substring(1)
                    : plain).toString());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String quoted(String text) {
        StringBuilder out = new StringBuilder();
        string(text, out);
        return out.toString();
    }

    static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
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

    /** A strict recursive-descent JSON syntax check (RFC 8259). */
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
