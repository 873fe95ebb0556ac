package ai.brokle.migrate.dialect.clickhouse;

import ai.brokle.migrate.seed.ColumnType;
import ai.brokle.migrate.seed.ColumnType.Kind;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Maps ClickHouse type names ({@code Nullable(DateTime64(3))}, {@code Map(String, UInt64)}, ...) to seed types. */
final class ClickHouseTypes {

    private static final Pattern WRAPPED = Pattern.compile("(\\w+)\\((.*)\\)", Pattern.DOTALL);
    private static final Pattern INTEGER = Pattern.compile("(U?)Int(\\d+)");
    private static final Pattern ENUM_LABEL = Pattern.compile("'((?:[^'\\\\]|\\\\.)*)'\\s*=");

    private ClickHouseTypes() {
    }

    static boolean nullable(String type) {
        return unwrapLowCardinality(type).startsWith("Nullable(");
    }

    static ColumnType parse(String type) {
        String inner = unwrapLowCardinality(type);
        Matcher wrapped = WRAPPED.matcher(inner);
        String name = wrapped.matches() ? wrapped.group(1) : inner;
        List<String> args = wrapped.matches() ? arguments(wrapped.group(2)) : List.of();
        Matcher integer = INTEGER.matcher(name);
        if (integer.matches()) {
            int bits = Integer.parseInt(integer.group(2));
            return integer.group(1).isEmpty() ? ColumnType.signed(type, bits)
                    : ColumnType.integer(type, BigInteger.ZERO,
                    BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE));
        }
        return switch (name) {
            case "Nullable" -> parse(args.get(0));
            case "String" -> ColumnType.text(type, null);
            case "FixedString" -> ColumnType.text(type, Integer.parseInt(args.get(0)));
            case "UUID" -> ColumnType.of(Kind.UUID, type);
            case "Float32", "Float64", "BFloat16" -> ColumnType.of(Kind.FLOAT, type);
            case "Decimal" -> ColumnType.decimal(type, Integer.parseInt(args.get(0)),
                    args.size() > 1 ? Integer.parseInt(args.get(1)) : 0);
            case "Decimal32" -> ColumnType.decimal(type, 9, Integer.parseInt(args.get(0)));
            case "Decimal64" -> ColumnType.decimal(type, 18, Integer.parseInt(args.get(0)));
            case "Decimal128" -> ColumnType.decimal(type, 38, Integer.parseInt(args.get(0)));
            case "Decimal256" -> ColumnType.decimal(type, 76, Integer.parseInt(args.get(0)));
            case "Bool" -> ColumnType.of(Kind.BOOLEAN, type);
            case "Date", "Date32" -> ColumnType.of(Kind.DATE, type);
            case "DateTime", "DateTime64" -> ColumnType.of(Kind.TIMESTAMP, type);
            case "Enum8", "Enum16", "Enum" -> ColumnType.enumeration(type, labels(wrapped.group(2)));
            case "Array" -> ColumnType.array(type, parse(args.get(0)));
            case "Map" -> ColumnType.map(type, parse(args.get(1)));
            case "JSON", "Object" -> ColumnType.of(Kind.JSON, type);
            default -> ColumnType.of(Kind.OTHER, type);
        };
    }

    private static String unwrapLowCardinality(String type) {
        String t = type.strip();
        return t.startsWith("LowCardinality(") && t.endsWith(")") ? t.substring(15, t.length() - 1).strip() : t;
    }

    private static List<String> labels(String definition) {
        List<String> labels = new ArrayList<>();
        Matcher m = ENUM_LABEL.matcher(definition);
        while (m.find()) {
            labels.add(m.group(1).replace("\\'", "'").replace("\\\\", "\\"));
        }
        return labels;
    }

    /** Splits top-level comma-separated type arguments, respecting parentheses and quotes. */
    private static List<String> arguments(String text) {
        List<String> args = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                args.add(text.substring(start, i).strip());
                start = i + 1;
            }
        }
        args.add(text.substring(start).strip());
        return args;
    }
}
