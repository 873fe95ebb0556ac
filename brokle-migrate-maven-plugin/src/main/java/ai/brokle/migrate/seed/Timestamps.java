package ai.brokle.migrate.seed;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Date and time text as seed files write it: ISO-8601 / YAML timestamps ({@code 2024-01-15},
 * {@code 2024-01-15T10:00:00Z}, {@code 2024-01-15 10:00:00.123 +01:00}) and {@code now}, optionally shifted: {@code now-7d}, {@code now+2h}
 * (units s, m, h, d, w).
 */
final class Timestamps {

    private static final Pattern TIMESTAMP = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})"
            + "(?:[Tt]|\\s+)?(?:(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?)?"
            + "\\s*(Z|z|[+-]\\d{1,2}(?::?\\d{2})?)?");
    private static final Pattern NOW = Pattern.compile("now(?:\\s*([+-])\\s*(\\d+)\\s*([smhdw]))?");

    private Timestamps() {
    }

    /** A parsed date/time: {@code offset} is null when the text has no zone; {@code timeGiven} false for a date. */
    record Parsed(LocalDateTime local, ZoneOffset offset, boolean timeGiven) {

        LocalDateTime inUtc() {
            return offset == null ? local : local.atOffset(offset).withOffsetSameInstant(ZoneOffset.UTC)
                    .toLocalDateTime();
        }
    }

    static Optional<Parsed> parse(String text) {
        Matcher m = TIMESTAMP.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
            LocalTime time = LocalTime.MIDNIGHT;
            if (m.group(4) != null) {
                String fraction = m.group(7) == null ? "0" : (m.group(7) + "00000000").substring(0, 9);
                time = LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                        m.group(6) == null ? 0 : Integer.parseInt(m.group(6)), Integer.parseInt(fraction));
            }
            return Optional.of(new Parsed(LocalDateTime.of(date, time), offset(m.group(8)), m.group(4) != null));
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static ZoneOffset offset(String zone) {
        if (zone == null) {
            return null;
        }
        if (zone.equalsIgnoreCase("z")) {
            return ZoneOffset.UTC;
        }
        String digits = zone.substring(1).replace(":", "");
        int hours = Integer.parseInt(digits.length() <= 2 ? digits : digits.substring(0, digits.length() - 2));
        int minutes = digits.length() <= 2 ? 0 : Integer.parseInt(digits.substring(digits.length() - 2));
        int sign = zone.charAt(0) == '-' ? -1 : 1;
        try {
            return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
        } catch (java.time.DateTimeException e) {
            throw new DateTimeParseException("bad offset", zone, 0);
        }
    }

    /** The shift of a {@code now} expression ({@code now} → zero), or empty when the text is not one. */
    static Optional<Duration> nowShift(String text) {
        if (text.isEmpty() || (text.charAt(0) != 'n' && text.charAt(0) != 'N' && !Character.isWhitespace(
                text.charAt(0)))) {
            return Optional.empty();
        }
        Matcher m = NOW.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        if (m.group(1) == null) {
            return Optional.of(Duration.ZERO);
        }
        long amount = Long.parseLong(m.group(2)) * (m.group(1).equals("-") ? -1 : 1);
        return Optional.of(switch (m.group(3)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> Duration.ofDays(7 * amount);
        });
    }
}
