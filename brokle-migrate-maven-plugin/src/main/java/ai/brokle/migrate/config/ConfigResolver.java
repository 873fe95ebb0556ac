package ai.brokle.migrate.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Resolves the plugin's configuration. Precedence, lowest first: defaults &lt; pom {@code <configuration>} &lt;
 * {@code .env} &lt; environment &lt; {@code -D} properties. The datasources' parameters are resolved for each
 * {@link DatasourceKind} by the {@link DatasourceResolver}. Every error names the parameter, where its value came
 * from, and the fix.
 */
public final class ConfigResolver {

    public static final String PREFIX = "brokle.migrate.";

    private static final Set<String> COMMON = Set.of("db", "steps", "version", "name", "dryRun", "confirm", "format",
            "output", "seed", "seedFile", "skip", "failOn", "outOfOrder", "ignoreDrift", "lockWaitSeconds", "reset",
            "holder", "verifyFailOn", "explain", "since", "ignore");
    private static final long DEFAULT_LOCK_WAIT_SECONDS = 300;
    private static final List<String> FAIL_ON = List.of("pending", "dirty", "drift");
    private static final List<String> VERIFY_FAIL_ON = List.of("error", "changed", "cosmetic");
    private static final Map<String, String> DEFAULTS = Map.of(
            "db", "all",
            "format", "text");

    private final ConfigValues values = new ConfigValues();
    private final List<String> notes = new ArrayList<>();
    private final List<? extends DatasourceKind> kinds;
    private final DatasourceResolver datasources;

    private ConfigResolver(List<? extends DatasourceKind> kinds, Path baseDir) {
        this.kinds = kinds;
        this.datasources = new DatasourceResolver(kinds, values, this::integer, key -> path(baseDir, key), notes::add);
    }

    /** @param kinds the kinds of datasource, in the order the selected ones are listed */
    public static MigrateConfig resolve(ConfigSources sources, List<? extends DatasourceKind> kinds) {
        return new ConfigResolver(kinds, sources.baseDir()).run(sources);
    }

    private MigrateConfig run(ConfigSources sources) {
        layer(DEFAULTS, "default");
        layer(datasources.defaults(), "default");
        Map<String, String> pom = new LinkedHashMap<>();
        sources.pom().forEach((k, v) -> {
            if (v != null) {
                pom.put(k, v);
            }
        });
        layer(pom, "pom <configuration>");
        datasources.environmentLayer(DotEnv.read(sources.baseDir().resolve(".env")), ".env");
        datasources.environmentLayer(sources.environment(), "environment");
        layer(fromCommandLine(sources.commandLine()), "-D property");

        String db = get("db").toLowerCase(Locale.ROOT);
        List<String> names = datasources.names();
        if (!db.equals("all") && !names.contains(db)) {
            throw error("db", "must be " + String.join(", ", names) + " or all. Example: -Dbrokle.migrate.db="
                    + names.get(0));
        }
        List<DatasourceConfig> selected = new ArrayList<>();
        for (DatasourceKind kind : kinds) {
            if (db.equals("all") || db.equals(kind.traits().name())) {
                selected.add(datasources.resolve(kind, sources.servers()));
            }
        }
        String format = get("format").toLowerCase(Locale.ROOT);
        if (!format.equals("text") && !format.equals("json")) {
            throw error("format", "must be text or json. Example: -Dbrokle.migrate.format=json");
        }
        return new MigrateConfig(sources.baseDir(), sources.workDir(), db, selected, integer("steps"),
                version(), get("name"), bool("dryRun"), "yes".equalsIgnoreCase(strip(get("confirm"))), format,
                path(sources.baseDir(), "output"), get("seed"), path(sources.baseDir(), "seedFile"), bool("reset"),
                bool("outOfOrder"), bool("ignoreDrift"), lockWaitSeconds(), failOn(), strip(get("holder")),
                bool("explain"), blankToNull(get("since")), ruleIds("ignore"), notes, verifyFailOn());
    }

    /** A comma-separated list of rule ids, e.g. {@code PG003,CH005}, upper-cased. */
    private Set<String> ruleIds(String key) {
        String value = strip(get(key));
        Set<String> ids = new TreeSet<>();
        if (value == null || value.isEmpty()) {
            return ids;
        }
        for (String id : value.split("[,\\s]+")) {
            if (!id.matches("[A-Za-z]+[0-9]+")) {
                throw error(key, "must list rule ids separated by commas. Example: -D" + PREFIX + key + "=PG003,CH005");
            }
            ids.add(id.toUpperCase(Locale.ROOT));
        }
        return ids;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private void layer(Map<String, String> layerValues, String origin) {
        values.layer(layerValues, origin);
    }

    private Map<String, String> fromCommandLine(Map<String, String> properties) {
        Map<String, String> mapped = new HashMap<>();
        Set<String> unknown = new TreeSet<>();
        properties.forEach((property, value) -> {
            if (!property.startsWith(PREFIX)) {
                return;
            }
            String key = property.substring(PREFIX.length());
            if (isKnown(key)) {
                mapped.put(key, value);
            } else {
                unknown.add(property);
            }
        });
        if (!unknown.isEmpty()) {
            throw new ConfigurationException("Unknown property " + String.join(", ", unknown)
                    + ". Known: brokle.migrate.{" + String.join(",", new TreeSet<>(COMMON))
                    + "} and brokle.migrate.{" + String.join(",", datasources.names()) + "}.{"
                    + String.join(",", datasources.keys()) + "}. Fix the spelling of the -D option.");
        }
        return mapped;
    }

    private boolean isKnown(String key) {
        int dot = key.indexOf('.');
        if (dot < 0) {
            return COMMON.contains(key);
        }
        return datasources.isKnown(key.substring(0, dot), key.substring(dot + 1));
    }

    private String get(String key) {
        return values.get(key);
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    private boolean bool(String key) {
        String value = strip(get(key));
        if (value == null || value.isEmpty()) {
            return false;
        }
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw error(key, "must be true or false. Example: -D" + PREFIX + key + "=true");
        }
        return Boolean.parseBoolean(value);
    }

    private Integer integer(String key) {
        String value = strip(get(key));
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw error(key, "must be a whole number. Example: -D" + PREFIX + key + "=2");
        }
    }

    private Long version() {
        String value = strip(get("version"));
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            long version = Long.parseLong(value);
            if (version < 0) {
                throw new NumberFormatException();
            }
            return version;
        } catch (NumberFormatException e) {
            throw error("version", "must be a migration version (a whole number ≥ 0; 0 means none applied). "
                    + "Example: -Dbrokle.migrate.version=20240115103000");
        }
    }

    private long lockWaitSeconds() {
        Integer seconds = integer("lockWaitSeconds");
        if (seconds != null && seconds < 0) {
            throw error("lockWaitSeconds", "must be 0 or more seconds. Example: -Dbrokle.migrate.lockWaitSeconds=60");
        }
        return seconds == null ? DEFAULT_LOCK_WAIT_SECONDS : seconds;
    }

    private Set<String> failOn() {
        String value = strip(get("failOn"));
        Set<String> conditions = new TreeSet<>();
        if (value == null || value.isEmpty()) {
            return conditions;
        }
        for (String condition : value.split(",")) {
            String c = condition.strip().toLowerCase(Locale.ROOT);
            if (!FAIL_ON.contains(c)) {
                throw error("failOn", "must be a comma-separated list of " + String.join(", ", FAIL_ON)
                        + ". Example: -Dbrokle.migrate.failOn=pending,dirty,drift");
            }
            conditions.add(c);
        }
        return conditions;
    }

    /** verify's failing findings; {@code none} reports without failing. */
    private Set<String> verifyFailOn() {
        String value = strip(get("verifyFailOn"));
        Set<String> severities = new TreeSet<>();
        if (value == null || value.isEmpty()) {
            return Set.of("error", "changed");
        }
        if (value.equalsIgnoreCase("none")) {
            return severities;
        }
        for (String severity : value.split(",")) {
            String s = severity.strip().toLowerCase(Locale.ROOT);
            if (!VERIFY_FAIL_ON.contains(s)) {
                throw error("verifyFailOn", "must be a comma-separated list of " + String.join(", ", VERIFY_FAIL_ON)
                        + ", or none. Example: -Dbrokle.migrate.verifyFailOn=error,changed");
            }
            severities.add(s);
        }
        return severities;
    }

    private Path path(Path baseDir, String key) {
        String value = strip(get(key));
        return value == null || value.isEmpty() ? null : baseDir.resolve(value).normalize();
    }

    private ConfigurationException error(String key, String problem) {
        return values.error(key, problem);
    }
}
