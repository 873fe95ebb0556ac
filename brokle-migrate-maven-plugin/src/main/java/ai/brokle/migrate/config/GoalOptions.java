package ai.brokle.migrate.config;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A goal's top-level options: the value Maven injected from the pom, unless a {@code -D} property gives one (it wins
 * even over an explicit pom value). Each value type has one parser here, and every error names the property, where
 * its value came from, and the fix.
 */
public final class GoalOptions {

    /** Every top-level option; a {@code -Dbrokle.migrate.*} property must be one of these or a datasource field. */
    public static final Set<String> NAMES = Set.of("db", "steps", "version", "name", "dryRun", "confirm", "format",
            "output", "seed", "seedFile", "skip", "failOn", "outOfOrder", "ignoreDrift", "lockWaitSeconds", "reset",
            "holder", "verifyFailOn", "explain", "since", "ignore");
    public static final long DEFAULT_LOCK_WAIT_SECONDS = 300;

    private static final String FROM_POM = "pom <configuration>";
    private static final String FROM_COMMAND_LINE = "-D property";

    private final Path baseDir;
    private final Map<String, String> commandLine;

    /** @param commandLine {@code brokle.migrate.*} properties, keys with the prefix */
    public GoalOptions(Path baseDir, Map<String, String> commandLine) {
        this.baseDir = baseDir;
        this.commandLine = commandLine;
    }

    public boolean flag(String name, boolean pom) {
        Value value = value(name, String.valueOf(pom));
        if (value.text == null) {
            return false;
        }
        if (!value.text.equalsIgnoreCase("true") && !value.text.equalsIgnoreCase("false")) {
            throw value.error("must be true or false. Example: -D" + ConfigResolver.PREFIX + name + "=true");
        }
        return Boolean.parseBoolean(value.text);
    }

    /** {@code confirm}: only {@code yes} (any case) confirms. */
    public boolean yes(String name, String pom) {
        return "yes".equalsIgnoreCase(value(name, pom).text);
    }

    public Integer wholeNumber(String name, Integer pom) {
        Value value = value(name, pom == null ? null : String.valueOf(pom));
        return ConfigValues.wholeNumber(name, value.text, value::error);
    }

    /** A wait in seconds, 0 or more; {@value #DEFAULT_LOCK_WAIT_SECONDS} when unset. */
    public long seconds(String name, Integer pom) {
        Integer seconds = wholeNumber(name, pom);
        if (seconds != null && seconds < 0) {
            throw value(name, String.valueOf(pom)).error("must be 0 or more seconds. Example: -D"
                    + ConfigResolver.PREFIX + name + "=60");
        }
        return seconds == null ? DEFAULT_LOCK_WAIT_SECONDS : seconds;
    }

    /** A migration version: a whole number ≥ 0, 0 meaning none applied. */
    public Long version(String name, Long pom) {
        Value value = value(name, pom == null ? null : String.valueOf(pom));
        if (value.text == null) {
            return null;
        }
        try {
            long version = Long.parseLong(value.text);
            if (version < 0) {
                throw new NumberFormatException();
            }
            return version;
        } catch (NumberFormatException e) {
            throw value.error("must be a migration version (a whole number ≥ 0; 0 means none applied). "
                    + "Example: -D" + ConfigResolver.PREFIX + name + "=20240115103000");
        }
    }

    /** Stripped text, or null when unset or blank. */
    public String text(String name, String pom) {
        return value(name, pom).text;
    }

    /** A path resolved against the project directory, or null. */
    public Path path(String name, File pom) {
        String text = value(name, pom == null ? null : pom.getPath()).text;
        return text == null ? null : baseDir.resolve(text).normalize();
    }

    /** One of {@code allowed} (any case), lower-cased; {@code fallback} when unset. */
    public String oneOf(String name, String pom, List<String> allowed, String fallback) {
        Value value = value(name, pom);
        if (value.text == null) {
            return fallback;
        }
        String choice = value.text.toLowerCase(Locale.ROOT);
        if (!allowed.contains(choice)) {
            throw value.error("must be " + String.join(" or ", allowed) + ". Example: -D" + ConfigResolver.PREFIX
                    + name + "=" + allowed.get(allowed.size() - 1));
        }
        return choice;
    }

    /** A comma-separated list of {@code allowed} names, lower-cased, or {@code none}; {@code fallback} when unset. */
    public Set<String> someOf(String name, List<String> pom, List<String> allowed, List<String> fallback) {
        Value value = value(name, pom == null ? null : String.join(",", pom));
        Set<String> chosen = new TreeSet<>();
        if (value.text == null) {
            chosen.addAll(fallback);
            return chosen;
        }
        if (value.text.equalsIgnoreCase("none")) {
            return chosen;
        }
        for (String item : value.text.split(",")) {
            String choice = item.strip().toLowerCase(Locale.ROOT);
            if (!allowed.contains(choice)) {
                throw value.error("must be a comma-separated list of " + String.join(", ", allowed) + ", or none. "
                        + "Example: -D" + ConfigResolver.PREFIX + name + "="
                        + String.join(",", fallback.isEmpty() ? allowed : fallback));
            }
            chosen.add(choice);
        }
        return chosen;
    }

    /** Rule ids separated by commas, e.g. {@code PG003,CH005}, upper-cased. */
    public Set<String> ruleIds(String name, List<String> pom) {
        Value value = value(name, pom == null ? null : String.join(",", pom));
        Set<String> ids = new TreeSet<>();
        if (value.text == null) {
            return ids;
        }
        for (String id : value.text.split("[,\\s]+")) {
            if (!id.matches("[A-Za-z]+[0-9]+")) {
                throw value.error("must list rule ids separated by commas. Example: -D" + ConfigResolver.PREFIX + name
                        + "=PG003,CH005");
            }
            ids.add(id.toUpperCase(Locale.ROOT));
        }
        return ids;
    }

    /** The -D property's text when given, else the pom's; stripped, null when blank. */
    private Value value(String name, String pom) {
        String property = commandLine.get(ConfigResolver.PREFIX + name);
        String text = property != null ? property : pom;
        text = text == null || text.isBlank() ? null : text.strip();
        return new Value(name, text, property != null ? FROM_COMMAND_LINE : FROM_POM);
    }

    private record Value(String name, String text, String origin) {
        ConfigurationException error(String problem) {
            return ConfigValues.invalid(ConfigValues.describe(name, origin), text, problem);
        }
    }
}
