package ai.brokle.migrate.seed;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.format.SignStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Date and time text as seed files write it, read with {@code java.time}: ISO-8601 / YAML timestamps
 * ({@code 2024-01-15}, {@code 2024-01-15T10:00:00Z}, {@code 2024-01-15 10:00:00.123 +01:00}) and {@code now},
 * optionally shifted: {@code now-7d}, {@code now+2h} (units s, m, h, d, w).
 */
final class Timestamps {

    /** A date, then optionally a time ('T' or a space before it) and an offset (a space may precede it). */
    private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendValue(ChronoField.YEAR, 4).appendLiteral('-')
            .appendValue(ChronoField.MONTH_OF_YEAR, 1, 2, SignStyle.NOT_NEGATIVE).appendLiteral('-')
            .appendValue(ChronoField.DAY_OF_MONTH, 1, 2, SignStyle.NOT_NEGATIVE)
            .optionalStart()
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendValue(ChronoField.HOUR_OF_DAY, 1, 2, SignStyle.NOT_NEGATIVE).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendOffset("+H:mm", "Z").optionalEnd()
            .optionalEnd()
            .toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern NOW = Pattern.compile("now(?:\\s*([+-])\\s*(\\d{1,9})\\s*([smhdw]))?");

    /** A date column was given a time of day other than midnight. */
    static final class TimeOfDayException extends RuntimeException {
    }

    private final Instant now;

    /** @param now the instant {@code now} stands for */
    Timestamps(Instant now) {
        this.now = now;
    }

    /**
     * The value for a column of the given kind: {@code TIMESTAMP} a LocalDateTime in UTC, {@code DATE} a
     * LocalDate, {@code TIMESTAMP_TZ} an OffsetDateTime (UTC when the text has no offset).
     *
     * @throws DateTimeParseException when the text is no date, timestamp or {@code now} expression
     */
    Object parse(String text, ColumnType.Kind kind) {
        Duration shift = nowShift(text);
        if (shift != null) {
            OffsetDateTime at = now.plus(shift).atOffset(ZoneOffset.UTC);
            return kind == ColumnType.Kind.TIMESTAMP ? at.toLocalDateTime()
                    : kind == ColumnType.Kind.DATE ? at.toLocalDate() : at;
        }
        TemporalAccessor parsed = FORMAT.parse(text.strip());
        boolean timeGiven = parsed.isSupported(ChronoField.HOUR_OF_DAY);
        LocalDateTime local = LocalDateTime.of(LocalDate.from(parsed),
                timeGiven ? LocalTime.from(parsed) : LocalTime.MIDNIGHT);
        ZoneOffset offset = parsed.query(TemporalQueries.offset());
        return switch (kind) {
            case TIMESTAMP -> offset == null ? local
                    : local.atOffset(offset).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
            case DATE -> {
                if (!local.toLocalTime().equals(LocalTime.MIDNIGHT)) {
                    throw new TimeOfDayException();
                }
                yield local.toLocalDate();
            }
            default -> local.atOffset(offset == null ? ZoneOffset.UTC : offset);
        };
    }

    static boolean isNow(String text) {
        return nowShift(text) != null;
    }

    /** The shift of a {@code now} expression ({@code now} → zero), or null when the text is not one. */
    private static Duration nowShift(String text) {
        Matcher m = NOW.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return null;
        }
        long n = m.group(1) == null ? 0 : Long.parseLong(m.group(2)) * (m.group(1).equals("-") ? -1 : 1);
        return switch (m.group(1) == null ? "s" : m.group(3)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
        };
    }
}
