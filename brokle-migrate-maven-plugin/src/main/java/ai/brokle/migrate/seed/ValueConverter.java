package ai.brokle.migrate.seed;

import ai.brokle.migrate.seed.TableSchema.Column;
import ai.brokle.migrate.seed.YamlNode.Entry;
import ai.brokle.migrate.seed.YamlNode.ScalarKind;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
 * the text "49007" in a text column and {@code yes} is a boolean only in a boolean column.
 */
final class ValueConverter {

    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private static final Optional<Boolean> TRUE = Optional.of(true);
    private static final Optional<Boolean> FALSE = Optional.of(false);

    private final String file;
    private final Instant now;

    /** @param now the instant {@code now} stands for during this run */
    ValueConverter(String file, Instant now) {
        this.file = file;
        this.now = now.truncatedTo(ChronoUnit.MILLIS);
    }

    /** True when the value is a {@code now} expression for a date/time column. */
    static boolean isNow(YamlNode node, ColumnType type) {
        return switch (type.kind()) {
            case TIMESTAMP, TIMESTAMP_TZ, DATE -> node instanceof YamlNode.Scalar s
                    && Timestamps.nowShift(s.text()).isPresent();
            default -> false;
        };
    }

    static Optional<Boolean> parseBoolean(String text) {
        if (text.equals("true")) {
            return TRUE; // the usual spellings skip strip() and toLowerCase()
        }
        if (text.equals("false")) {
            return FALSE;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "y", "t", "1" -> TRUE;
            case "false", "no", "off", "n", "f", "0" -> FALSE;
            default -> Optional.empty();
        };
    }

    /** @param key {@code table.column}, for messages */
    Object convert(YamlNode node, Column column, String key) {
        if (node instanceof YamlNode.Scalar s && s.isNull()) {
            if (!column.nullable()) {
                throw new InvalidSeedException(file, node.line(), key, "is null, but the column is NOT NULL",
                        "Give a value, or leave the key out to use the column default");
            }
            return null;
        }
        return convert(node, column.type(), key);
    }

    Object convert(YamlNode node, ColumnType type, String key) {
        if (node instanceof YamlNode.Scalar s && s.isNull()) {
            return null;
        }
        return switch (type.kind()) {
            case TEXT -> text(node, type, key);
            case INTEGER -> integer(scalar(node, type, key), type, key);
            case DECIMAL -> decimal(scalar(node, type, key), type, key);
            case FLOAT -> floating(scalar(node, type, key), type, key);
            case BOOLEAN -> bool(node, type, key);
            case TIMESTAMP, TIMESTAMP_TZ, DATE -> dateTime(scalar(node, type, key), type, key);
            case TIME -> {
                YamlNode.Scalar s = scalar(node, type, key);
                try {
                    yield LocalTime.parse(s.text().strip());
                } catch (DateTimeParseException e) {
                    throw mismatch(s, type, key, "", "Write a time like 13:45:00");
                }
            }
            case UUID -> {
                YamlNode.Scalar s = scalar(node, type, key);
                if (!UUID_TEXT.matcher(s.text().strip()).matches()) {
                    throw mismatch(s, type, key, "", "Write a UUID like 0b6f4d1e-8c1a-4f4e-9a53-2f1c9d7e5b10");
                }
                yield UUID.fromString(s.text().strip());
            }
            case JSON -> json(node, type, key);
            case ENUM -> {
                YamlNode.Scalar s = scalar(node, type, key);
                if (!type.labels().contains(s.text())) {
                    throw mismatch(s, type, key, " (allowed: " + String.join(", ", type.labels()) + ")",
                            "Use one of the allowed values");
                }
                yield s.text();
            }
            case ARRAY -> array(node, type, key);
            case MAP -> map(node, type, key);
            case OTHER -> scalar(node, type, key).text();
        };
    }

    /**
     * The conversion of one column's values, its rules picked once rather than per value: a large seed converts
     * the same few columns hundreds of thousands of times.
     *
     * @param key {@code table.column}, for messages
     */
    ForColumn forColumn(Column column, String key) {
        ColumnType type = column.type();
        return switch (type.kind()) {
            case TEXT -> new ForColumn(column, key) {
                @Override
                Object value(YamlNode node) {
                    return text(node, type, key);
                }
            };
            case BOOLEAN -> new ForColumn(column, key) {
                @Override
                Object value(YamlNode node) {
                    return bool(node, type, key);
                }
            };
            case TIMESTAMP, TIMESTAMP_TZ, DATE -> new ForColumn(column, key) {
                @Override
                Object value(YamlNode node) {
                    return dateTime(scalar(node, type, key), type, key);
                }
            };
            case JSON -> new ForColumn(column, key) {
                @Override
                Object value(YamlNode node) {
                    return json(node, type, key);
                }
            };
            default -> new ForColumn(column, key) {
                @Override
                Object value(YamlNode node) {
                    return ValueConverter.this.convert(node, type, key);
                }
            };
        };
    }

    /** Converts the values of one column (see {@link #forColumn}); the same results as {@link #convert}. */
    abstract class ForColumn {

        private final Column column;
        private final String key;

        ForColumn(Column column, String key) {
            this.column = column;
            this.key = key;
        }

        final Object convert(YamlNode node) {
            return node instanceof YamlNode.Scalar s && s.isNull() ? ValueConverter.this.convert(node, column, key)
                    : value(node);
        }

        /** A value that is not null. */
        abstract Object value(YamlNode node);
    }

    private Boolean bool(YamlNode node, ColumnType type, String key) {
        YamlNode.Scalar s = scalar(node, type, key);
        Optional<Boolean> value = parseBoolean(s.text());
        if (value.isEmpty()) {
            throw mismatch(s, type, key, "", "Write true or false");
        }
        return value.get();
    }

    private String text(YamlNode node, ColumnType type, String key) {
        String text = scalar(node, type, key).text();
        if (type.length() != null && text.length() > type.length()
                && text.codePointCount(0, text.length()) > type.length()) {
            throw new InvalidSeedException(file, node.line(), key, "value " + node.describe() + " is "
                    + text.codePointCount(0, text.length()) + " characters, longer than " + type.sqlName()
                    + " allows", "Shorten the value or widen the column");
        }
        return text;
    }

    private Object integer(YamlNode.Scalar s, ColumnType type, String key) {
        BigInteger value;
        try {
            String plain = s.text().strip().replace("_", "");
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

    private BigDecimal decimal(YamlNode.Scalar s, ColumnType type, String key) {
        BigDecimal value;
        try {
            value = new BigDecimal(s.text().strip().replace("_", ""));
        } catch (NumberFormatException e) {
            throw mismatch(s, type, key, " (not a number)", "Write a number, e.g. 49.00");
        }
        if (type.precision() != null) {
            int scale = type.scale() == null ? 0 : type.scale();
            int integerDigits = value.precision() - value.scale();
            if (integerDigits > type.precision() - scale) {
                throw mismatch(s, type, key, " (more than " + (type.precision() - scale) + " digits before the "
                        + "point)", "Use a smaller number or a wider column type");
            }
        }
        return value;
    }

    private Double floating(YamlNode.Scalar s, ColumnType type, String key) {
        String text = s.text().strip().replace("_", "").toLowerCase(Locale.ROOT);
        switch (text) {
            case ".inf", "+.inf", "infinity" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-.inf", "-infinity" -> {
                return Double.NEGATIVE_INFINITY;
            }
            case ".nan", "nan" -> {
                return Double.NaN;
            }
            default -> {
                try {
                    return Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw mismatch(s, type, key, " (not a number)", "Write a number, e.g. 0.25");
                }
            }
        }
    }

    private Object dateTime(YamlNode.Scalar s, ColumnType type, String key) {
        Optional<Duration> shift = Timestamps.nowShift(s.text());
        if (shift.isPresent()) {
            OffsetDateTime at = now.plus(shift.get()).atOffset(ZoneOffset.UTC);
            return switch (type.kind()) {
                case TIMESTAMP -> at.toLocalDateTime();
                case DATE -> at.toLocalDate();
                default -> at;
            };
        }
        Optional<Timestamps.Parsed> text = Timestamps.parse(s.text());
        if (text.isEmpty()) {
            throw mismatch(s, type, key, "", "Write an ISO-8601 timestamp like 2024-01-15T10:00:00Z, a date like "
                    + "2024-01-15, or now / now-7d");
        }
        Timestamps.Parsed parsed = text.get();
        return switch (type.kind()) {
            case TIMESTAMP -> parsed.inUtc();
            case DATE -> {
                LocalDateTime local = parsed.local();
                if (parsed.timeGiven() && !local.toLocalTime().equals(LocalTime.MIDNIGHT)) {
                    throw mismatch(s, type, key, " (has a time of day)", "Write a date like 2024-01-15");
                }
                yield local.toLocalDate();
            }
            default -> parsed.local().atOffset(parsed.offset() == null ? ZoneOffset.UTC : parsed.offset());
        };
    }

    private JsonText json(YamlNode node, ColumnType type, String key) {
        if (node instanceof YamlNode.Scalar s && s.kind() == ScalarKind.STRING) {
            JsonSyntax.problem(s.text()).ifPresent(problem -> {
                throw mismatch(s, type, key, " (not valid JSON: " + problem + ")",
                        "Write the value as a YAML map or list, or as valid JSON text in quotes");
            });
            return new JsonText(s.text());
        }
        return new JsonText(Json.write(node));
    }

    private List<Object> array(YamlNode node, ColumnType type, String key) {
        if (!(node instanceof YamlNode.Sequence sequence)) {
            throw mismatch(node, type, key, "", "Write a YAML list, e.g. [a, b] or '- a' lines");
        }
        List<Object> values = new ArrayList<>(sequence.items().size());
        for (int i = 0; i < sequence.items().size(); i++) {
            values.add(convert(sequence.items().get(i), type.element(), key + "[" + i + "]"));
        }
        return values;
    }

    private Map<String, Object> map(YamlNode node, ColumnType type, String key) {
        if (!(node instanceof YamlNode.Mapping mapping)) {
            throw mismatch(node, type, key, "", "Write a YAML map, e.g. {service.name: api}");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Entry entry : mapping.entries()) {
            values.put(entry.key(), convert(entry.value(), type.element(), key + "." + entry.key()));
        }
        return values;
    }

    private YamlNode.Scalar scalar(YamlNode node, ColumnType type, String key) {
        if (node instanceof YamlNode.Scalar s) {
            return s;
        }
        throw mismatch(node, type, key, "", type.kind() == ColumnType.Kind.TEXT
                ? "Quote it as one string, or store it in a JSON column"
                : "Give a single value");
    }

    private InvalidSeedException mismatch(YamlNode node, ColumnType type, String key, String detail, String fix) {
        return new InvalidSeedException(file, node.line(), key, "value " + node.describe() + " does not fit "
                + type.sqlName() + detail, fix);
    }
}
