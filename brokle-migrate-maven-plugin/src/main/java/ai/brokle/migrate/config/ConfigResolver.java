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
 * Resolves what every goal shares: the datasource selection and the datasources (a goal's own options are read by
 * {@link GoalOptions}; each {@link DatasourceKind}'s parameters by the {@link DatasourceResolver}), and refuses a
 * misspelt {@code -Dbrokle.migrate.*} property. Precedence, lowest first: defaults &lt; pom {@code <configuration>}
 * &lt; {@code .env} &lt; environment &lt; {@code -D} properties. Every error names the parameter, where its value
 * came from, and the fix.
 */
public final class ConfigResolver {

    public static final String PREFIX = "brokle.migrate.";

    private static final Map<String, String> DEFAULTS = Map.of("db", "all");

    private final ConfigValues values = new ConfigValues();
    private final List<String> notes = new ArrayList<>();
    private final List<? extends DatasourceKind> kinds;
    private final DatasourceResolver datasources;

    private ConfigResolver(List<? extends DatasourceKind> kinds, Path baseDir) {
        this.kinds = kinds;
        this.datasources = new DatasourceResolver(kinds, values, baseDir, notes::add);
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
        return new MigrateConfig(sources.baseDir(), sources.workDir(), db, selected, notes);
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
                    + ". Known: brokle.migrate.{" + String.join(",", new TreeSet<>(GoalOptions.NAMES))
                    + "} and brokle.migrate.{" + String.join(",", datasources.names()) + "}.{"
                    + String.join(",", datasources.keys()) + "}. Fix the spelling of the -D option.");
        }
        return mapped;
    }

    private boolean isKnown(String key) {
        int dot = key.indexOf('.');
        if (dot < 0) {
            return GoalOptions.NAMES.contains(key);
        }
        return datasources.isKnown(key.substring(0, dot), key.substring(dot + 1));
    }

    private String get(String key) {
        return values.get(key);
    }

    private ConfigurationException error(String key, String problem) {
        return values.error(key, problem);
    }
}
