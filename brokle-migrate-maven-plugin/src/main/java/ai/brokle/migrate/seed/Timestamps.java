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
            return offset == null || offset.getTotalSeconds() == 0 ? local
                    : local.atOffset(offset).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        }
    }

    static Optional<Parsed> parse(String text) {
        Parsed iso = iso(text);
        return iso != null ? Optional.of(iso) : regex(text);
    }

    /** Any accepted form, read with the regex. */
    static Optional<Parsed> regex(String text) {
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

    /**
     * The usual exact forms {@code 2024-01-15} and {@code 2024-01-15T10:00[:00[.123]][Z|+01:00]}, read without the
     * regex (they are most of a large seed's values); null for anything else, which the regex then reads. Gives
     * what the regex path gives for these forms.
     */
    private static Parsed iso(String text) {
        int length = text.length();
        if (length < 10 || !digits(text, 0, 4) || text.charAt(4) != '-' || !digits(text, 5, 7)
                || text.charAt(7) != '-' || !digits(text, 8, 10)) {
            return null;
        }
        try {
            LocalDate date = LocalDate.of(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10));
            if (length == 10) {
                return new Parsed(date.atStartOfDay(), null, false);
            }
            if (length < 16 || text.charAt(10) != 'T' || !digits(text, 11, 13) || text.charAt(13) != ':'
                    || !digits(text, 14, 16)) {
                return null;
            }
            int at = 16;
            int seconds = 0;
            int nanos = 0;
            if (at < length && text.charAt(at) == ':') {
                if (length < 19 || !digits(text, 17, 19)) {
                    return null;
                }
                seconds = number(text, 17, 19);
                at = 19;
                if (at < length && text.charAt(at) == '.') {
                    int start = ++at;
                    while (at < length && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
                        at++;
                    }
                    if (at == start || at - start > 9) {
                        return null;
                    }
                    nanos = number(text, start, at);
                    for (int i = at - start; i < 9; i++) {
                        nanos *= 10;
                    }
                }
            }
            ZoneOffset offset = null;
            if (at < length) {
                char sign = text.charAt(at);
                if (sign == 'Z' && at + 1 == length) {
                    offset = ZoneOffset.UTC;
                } else if ((sign == '+' || sign == '-') && at + 6 == length && digits(text, at + 1, at + 3)
                        && text.charAt(at + 3) == ':' && digits(text, at + 4, at + 6)) {
                    offset = offset(text.substring(at));
                } else {
                    return null;
                }
            }
            LocalTime time = LocalTime.of(number(text, 11, 13), number(text, 14, 16), seconds, nanos);
            return new Parsed(LocalDateTime.of(date, time), offset, true);
        } catch (java.time.DateTimeException e) {
            return null; // out of range: the regex path decides
        }
    }

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int number(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + text.charAt(i) - '0';
        }
        return value;
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
