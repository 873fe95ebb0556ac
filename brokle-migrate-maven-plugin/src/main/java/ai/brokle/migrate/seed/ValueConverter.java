package ai.brokle.migrate.seed;

import ai.brokle.migrate.seed.TableSchema.Column;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Turns a YAML value into the Java value bound for a column, by the column's SQL type, and refuses values that do
 * not fit (naming file, line and key). Scalars are read from their source text, so {@code postal_code: 49007} stays
 * the text "49007" in a text column and {@code yes} is a boolean only in a boolean column. JSON is written and
 * checked by Jackson.
 */
final class ValueConverter {

    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** Jackson's streaming reader and writer (its object mapper is not needed here, and slow to start). */
    private static final JsonFactory JSON = new JsonFactory();

    private final String file;
    private final Timestamps timestamps;

    /** @param now the instant {@code now} stands for during this run */
    ValueConverter(String file, Instant now) {
        this.file = file;
        this.timestamps = new Timestamps(now.truncatedTo(ChronoUnit.MILLIS));
    }

    /** True when the value is a {@code now} expression for a date/time column. */
    static boolean isNow(Node node, ColumnType type) {
        return switch (type.kind()) {
            case TIMESTAMP, TIMESTAMP_TZ, DATE -> node instanceof ScalarNode s && Timestamps.isNow(s.getValue());
            default -> false;
        };
    }

    static Optional<Boolean> parseBoolean(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "y", "t", "1" -> Optional.of(true);
            case "false", "no", "off", "n", "f", "0" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    /** @param key {@code table.column}, for messages */
    Object convert(Node node, Column column, String key) {
        if (YamlNodes.isNull(node) && !column.nullable()) {
            throw new InvalidSeedException(file, YamlNodes.line(node), key, "is null, but the column is NOT NULL",
                    "Give a value, or leave the key out to use the column default");
        }
        return convert(node, column.type(), key);
    }

    Object convert(Node node, ColumnType type, String key) {
        if (YamlNodes.isNull(node)) {
            return null;
        }
        return switch (type.kind()) {
            case TEXT -> text(scalar(node, type, key), type, key);
            case INTEGER -> integer(scalar(node, type, key), type, key);
            case DECIMAL -> decimal(scalar(node, type, key), type, key);
            case FLOAT -> floating(scalar(node, type, key), type, key);
            case BOOLEAN -> {
                ScalarNode s = scalar(node, type, key);
                yield parseBoolean(s.getValue()).orElseThrow(() -> mismatch(s, type, key, "", "Write true or false"));
            }
            case TIMESTAMP, TIMESTAMP_TZ, DATE -> dateTime(scalar(node, type, key), type, key);
            case TIME -> {
                ScalarNode s = scalar(node, type, key);
                try {
                    yield LocalTime.parse(s.getValue().strip());
                } catch (DateTimeParseException e) {
                    throw mismatch(s, type, key, "", "Write a time like 13:45:00");
                }
            }
            case UUID -> {
                ScalarNode s = scalar(node, type, key);
                if (!UUID_TEXT.matcher(s.getValue().strip()).matches()) {
                    throw mismatch(s, type, key, "", "Write a UUID like 0b6f4d1e-8c1a-4f4e-9a53-2f1c9d7e5b10");
                }
                yield UUID.fromString(s.getValue().strip());
            }
            case JSON -> json(node, type, key);
            case ENUM -> {
                ScalarNode s = scalar(node, type, key);
                if (!type.labels().contains(s.getValue())) {
                    throw mismatch(s, type, key, " (allowed: " + String.join(", ", type.labels()) + ")",
                            "Use one of the allowed values");
                }
                yield s.getValue();
            }
            case ARRAY -> array(node, type, key);
            case MAP -> map(node, type, key);
            case OTHER -> scalar(node, type, key).getValue();
        };
    }

    private String text(ScalarNode s, ColumnType type, String key) {
        String text = s.getValue();
        if (type.length() != null && text.length() > type.length()
                && text.codePointCount(0, text.length()) > type.length()) {
            throw new InvalidSeedException(file, YamlNodes.line(s), key, "value " + YamlNodes.describe(s) + " is "
                    + text.codePointCount(0, text.length()) + " characters, longer than " + type.sqlName()
                    + " allows", "Shorten the value or widen the column");
        }
        return text;
    }

    private Object integer(ScalarNode s, ColumnType type, String key) {
        BigInteger value;
        try {
            String plain = s.getValue().strip().replace("_", "");
            if (plain.startsWith("+")) {
                plain = plain.substring(1);
            }
            if (plain.startsWith("0x") || plain.startsWith("0X")) {
                value = new BigInteger(plain.substring(2), 16);
            } else if (plain.contains(".") || plain.contains("e") || plain.contains("E")) {
                value = new BigDecimal(plain).toBigIntegerExact();
            } else {
                value = new BigInteger(plain);
            }
        } catch (NumberFormatException | ArithmeticException e) {
            throw mismatch(s, type, key, " (not a whole number)", "Write a whole number, e.g. 42");
        }
        if ((type.min() != null && value.compareTo(type.min()) < 0)
                || (type.max() != null && value.compareTo(type.max()) > 0)) {
            throw mismatch(s, type, key, " (out of range " + type.min() + ".." + type.max() + ")",
                    "Use a smaller number or a wider column type");
        }
        return value.bitLength() < 64 ? (Object) value.longValue() : value;
    }

    private BigDecimal decimal(ScalarNode s, ColumnType type, String key) {
        BigDecimal value;
        try {
            value = new BigDecimal(s.getValue().strip().replace("_", ""));
        } catch (NumberFormatException e) {
            throw mismatch(s, type, key, " (not a number)", "Write a number, e.g. 49.00");
        }
        if (type.precision() != null) {
            int scale = type.scale() == null ? 0 : type.scale();
            if (value.precision() - value.scale() > type.precision() - scale) {
                throw mismatch(s, type, key, " (more than " + (type.precision() - scale) + " digits before the "
                        + "point)", "Use a smaller number or a wider column type");
            }
        }
        return value;
    }

    private Double floating(ScalarNode s, ColumnType type, String key) {
        String text = s.getValue().strip().replace("_", "").toLowerCase(Locale.ROOT);
        return switch (text) {
            case ".inf", "+.inf", "infinity" -> Double.POSITIVE_INFINITY;
            case "-.inf", "-infinity" -> Double.NEGATIVE_INFINITY;
            case ".nan", "nan" -> Double.NaN;
            default -> {
                try {
                    yield Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw mismatch(s, type, key, " (not a number)", "Write a number, e.g. 0.25");
                }
            }
        };
    }

    private Object dateTime(ScalarNode s, ColumnType type, String key) {
        try {
            return timestamps.parse(s.getValue(), type.kind());
        } catch (Timestamps.TimeOfDayException e) {
            throw mismatch(s, type, key, " (has a time of day)", "Write a date like 2024-01-15");
        } catch (DateTimeParseException e) {
            throw mismatch(s, type, key, "", "Write an ISO-8601 timestamp like 2024-01-15T10:00:00Z, a date like "
                    + "2024-01-15, or now / now-7d");
        }
    }

    /** A YAML map or list as JSON; a quoted string as the JSON text it holds, which must be valid JSON. */
    private JsonText json(Node node, ColumnType type, String key) {
        if (node instanceof ScalarNode s && Tag.STR.equals(s.getTag())) {
            try (JsonParser parser = JSON.createParser(s.getValue())) {
                String problem = parser.nextToken() == null ? "no JSON value" : null;
                parser.skipChildren();
                if (problem == null && parser.nextToken() != null) {
                    problem = "text after the JSON value";
                }
                if (problem != null) {
                    throw mismatch(s, type, key, " (not valid JSON at character " + (parser.currentLocation()
                            .getColumnNr()) + ": " + problem + ")", JSON_FIX);
                }
            } catch (JsonProcessingException e) {
                throw mismatch(s, type, key, " (not valid JSON at character " + e.getLocation().getColumnNr() + ": "
                        + e.getOriginalMessage() + ")", JSON_FIX);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a String is never unreadable
            }
            return new JsonText(s.getValue());
        }
        StringWriter json = new StringWriter();
        try (JsonGenerator generator = JSON.createGenerator(json)) {
            write(generator, node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new JsonText(json.toString());
    }

    private static final String JSON_FIX = "Write the value as a YAML map or list, or as valid JSON text in quotes";

    /** Maps become objects, lists arrays, scalars take the type YAML gave them (numbers JSON lacks stay strings). */
    private static void write(JsonGenerator json, Node node) throws IOException {
        if (node instanceof MappingNode mapping) {
            json.writeStartObject();
            for (NodeTuple entry : mapping.getValue()) {
                json.writeFieldName(YamlNodes.text(entry.getKeyNode()));
                write(json, entry.getValueNode());
            }
            json.writeEndObject();
            return;
        }
        if (node instanceof SequenceNode sequence) {
            json.writeStartArray();
            for (Node item : sequence.getValue()) {
                write(json, item);
            }
            json.writeEndArray();
            return;
        }
        String text = YamlNodes.text(node);
        Tag tag = node.getTag();
        try {
            if (Tag.INT.equals(tag)) {
                json.writeNumber(new BigInteger(text.replace("_", "").replaceFirst("^\\+", "")));
                return;
            }
            if (Tag.FLOAT.equals(tag)) {
                json.writeNumber(new BigDecimal(text.replace("_", ""))); // keeps the digits: 1.50 stays 1.50
                return;
            }
        } catch (NumberFormatException e) {
            json.writeString(text); // .inf, .nan, 0x1F: no JSON number
            return;
        }
        if (Tag.BOOL.equals(tag)) {
            json.writeBoolean(parseBoolean(text).orElse(false));
        } else if (Tag.NULL.equals(tag)) {
            json.writeNull();
        } else {
            json.writeString(text);
        }
    }

    private List<Object> array(Node node, ColumnType type, String key) {
        if (!(node instanceof SequenceNode sequence)) {
            throw mismatch(node, type, key, "", "Write a YAML list, e.g. [a, b] or '- a' lines");
        }
        List<Object> values = new ArrayList<>(sequence.getValue().size());
        for (int i = 0; i < sequence.getValue().size(); i++) {
            values.add(convert(sequence.getValue().get(i), type.element(), key + "[" + i + "]"));
        }
        return values;
    }

    private Map<String, Object> map(Node node, ColumnType type, String key) {
        if (!(node instanceof MappingNode mapping)) {
            throw mismatch(node, type, key, "", "Write a YAML map, e.g. {service.name: api}");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (NodeTuple entry : mapping.getValue()) {
            String name = YamlNodes.text(entry.getKeyNode());
            values.put(name, convert(entry.getValueNode(), type.element(), key + "." + name));
        }
        return values;
    }

    private ScalarNode scalar(Node node, ColumnType type, String key) {
        if (node instanceof ScalarNode s) {
            return s;
        }
        throw mismatch(node, type, key, "", type.kind() == ColumnType.Kind.TEXT
                ? "Quote it as one string, or store it in a JSON column"
                : "Give a single value");
    }

    private InvalidSeedException mismatch(Node node, ColumnType type, String key, String detail, String fix) {
        return new InvalidSeedException(file, YamlNodes.line(node), key, "value " + YamlNodes.describe(node)
                + " does not fit " + type.sqlName() + detail, fix);
    }
}
