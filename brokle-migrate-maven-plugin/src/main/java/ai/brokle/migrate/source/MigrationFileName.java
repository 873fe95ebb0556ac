package ai.brokle.migrate.source;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code NNNNNN_name.up.sql} / {@code NNNNNN_name.down.sql}. Any other {@code .sql} file in a migration
 * directory is a mistake and is reported as one.
 */
public record MigrationFileName(long version, String stem, boolean up) {

    private static final Pattern NAME = Pattern.compile("^(\\d+)_([A-Za-z0-9][A-Za-z0-9_\\-]*)\\.(up|down)\\.sql$");
    public static final String EXPECTED = "NNNNNN_name.up.sql / NNNNNN_name.down.sql (digits, '_', a name of "
            + "letters, digits, '_' or '-')";

    /** Files this scanner looks at: every {@code .sql} file. */
    public static boolean isCandidate(String fileName) {
        return fileName.toLowerCase().endsWith(".sql");
    }

    /** @return the parsed name, or empty when it does not follow the convention */
    public static Optional<MigrationFileName> parse(String fileName) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            return Optional.empty();
        }
        String digits = m.group(1);
        if (digits.length() > 19 || (digits.length() == 19 && digits.compareTo("9223372036854775807") > 0)) {
            return Optional.empty();
        }
        String stem = digits + "_" + m.group(2);
        return Optional.of(new MigrationFileName(Long.parseLong(digits), stem, "up".equals(m.group(3))));
    }

    /** The version that leads a migration stem ({@code 000042_name}, as {@link #stem} is); 0 when it is none. */
    public static long versionOfStem(String stem) {
        return parse(stem + ".up.sql").map(MigrationFileName::version).orElse(0L);
    }
}
