package ai.brokle.migrate.seed;

import java.math.BigInteger;
import java.util.List;

/**
 * A column's SQL type as the seeder needs it: a {@link Kind} that decides how YAML values convert, the type's name
 * for messages, and its limits. Each dialect maps its own types onto these.
 *
 * @param length    maximum characters for text types, or null
 * @param precision total digits for decimals, or null
 * @param scale     digits after the point for decimals, or null
 * @param min       smallest value for integers, or null
 * @param max       largest value for integers, or null
 * @param labels    allowed values of an enum, else empty
 * @param element   element type of an array, value type of a map, else null
 */
public record ColumnType(Kind kind, String sqlName, Integer length, Integer precision, Integer scale,
                         BigInteger min, BigInteger max, List<String> labels, ColumnType element) {

    /** How a YAML value is converted and bound. */
    public enum Kind {
        TEXT, INTEGER, DECIMAL, FLOAT, BOOLEAN, TIMESTAMP, TIMESTAMP_TZ, DATE, TIME, UUID, JSON, ENUM, ARRAY, MAP,
        /** Anything else: the YAML text is sent as is and the server parses it. */
        OTHER
    }

    public static ColumnType of(Kind kind, String sqlName) {
        return new ColumnType(kind, sqlName, null, null, null, null, null, List.of(), null);
    }

    public static ColumnType text(String sqlName, Integer length) {
        return new ColumnType(Kind.TEXT, sqlName, length, null, null, null, null, List.of(), null);
    }

    public static ColumnType integer(String sqlName, BigInteger min, BigInteger max) {
        return new ColumnType(Kind.INTEGER, sqlName, null, null, null, min, max, List.of(), null);
    }

    /** A signed integer of {@code bits} bits. */
    public static ColumnType signed(String sqlName, int bits) {
        BigInteger max = BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE);
        return integer(sqlName, max.negate().subtract(BigInteger.ONE), max);
    }

    public static ColumnType decimal(String sqlName, Integer precision, Integer scale) {
        return new ColumnType(Kind.DECIMAL, sqlName, null, precision, scale, null, null, List.of(), null);
    }

    public static ColumnType enumeration(String sqlName, List<String> labels) {
        return new ColumnType(Kind.ENUM, sqlName, null, null, null, null, null, List.copyOf(labels), null);
    }

    public static ColumnType array(String sqlName, ColumnType element) {
        return new ColumnType(Kind.ARRAY, sqlName, null, null, null, null, null, List.of(), element);
    }

    public static ColumnType map(String sqlName, ColumnType value) {
        return new ColumnType(Kind.MAP, sqlName, null, null, null, null, null, List.of(), value);
    }

    /** True for types whose values are text a ULID fits in exactly: 26-character text columns. */
    public boolean holdsUlid() {
        return kind == Kind.TEXT && length != null && length == 26;
    }
}
