package ai.brokle.migrate.seed;

import ai.brokle.migrate.seed.YamlNode.Entry;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;

/** Writes YAML maps and lists as JSON text (no library needed). */
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
        String text = scalar.text();
        switch (scalar.kind()) {
            case NULL -> out.append("null");
            case BOOLEAN -> out.append(ValueConverter.parseBoolean(text).orElse(false).booleanValue());
            case INTEGER, FLOAT -> {
                if (YamlNode.Scalar.isDecimal(text)) {
                    out.append(text); // already JSON's form of the number
                } else {
                    Optional<String> number = number(text);
                    if (number.isPresent()) {
                        out.append(number.get());
                    } else {
                        string(text, out);
                    }
                }
            }
            default -> string(text, out);
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
}
