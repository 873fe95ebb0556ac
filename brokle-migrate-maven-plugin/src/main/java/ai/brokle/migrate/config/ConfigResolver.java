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
 * {@link GoalOptions}), and refuses a misspelt {@code -Dbrokle.migrate.*} property. Precedence, lowest first:
 * defaults &lt; pom {@code <configuration>} &lt; {@code .env} &lt; environment &lt; {@code -D} properties. Within
 * {@code .env} or the environment, DATABASE_URL wins over Brokle's DB_* variables. golang-migrate's x-* URL
 * parameters set the version table and cluster unless the parameter is set explicitly (then they must agree). Every
 * error names the parameter, where its value came from, and the fix.
 */
public final class ConfigResolver {

    public static final String PREFIX = "brokle.migrate.";
    public static final List<String> DATASOURCES = List.of("postgres", "clickhouse");

    private static final Set<String> DATASOURCE_KEYS = Set.of("url", "username", "password", "serverId", "dir",
            "table", "cluster", "httpPort", "lockTimeout", "statementTimeout", "maxExecutionTime");
    private static final Map<String, String> ENVIRONMENT = Map.of(
            "DATABASE_URL", "postgres.url",
            "CLICKHOUSE_URL", "clickhouse.url",
            "DATABASE_MIGRATIONS_PATH", "postgres.dir",
            "CLICKHOUSE_MIGRATIONS_PATH", "clickhouse.dir");
    private static final Map<String, String> DEFAULTS = Map.of(
            "db", "all",
            "postgres.dir", "migrations",
            "postgres.table", "schema_migrations",
            "clickhouse.dir", "migrations/clickhouse",
            "clickhouse.table", "schema_migrations");

    private final Map<String, String> values = new HashMap<>();
    private final Map<String, String> origins = new HashMap<>();
    private final List<String> notes = new ArrayList<>();

    /** The environment variable Brokle uses for a datasource's URL. */
    public static String urlVariable(String datasource) {
        return ENVIRONMENT.entrySet().stream().filter(e -> e.getValue().equals(datasource + ".url"))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
    }

    public static MigrateConfig resolve(ConfigSources sources) {
        return new ConfigResolver().run(sources);
    }

    private MigrateConfig run(ConfigSources sources) {
        layer(DEFAULTS, "default");
        Map<String, String> pom = new LinkedHashMap<>();
        sources.pom().forEach((k, v) -> {
            if (v != null) {
                pom.put(k, v);
            }
        });
        layer(pom, "pom <configuration>");
        environmentLayer(DotEnv.read(sources.baseDir().resolve(".env")), ".env");
        environmentLayer(sources.environment(), "environment");
        layer(fromCommandLine(sources.commandLine()), "-D property");

        String db = get("db").toLowerCase(Locale.ROOT);
        if (!db.equals("all") && !DATASOURCES.contains(db)) {
            throw error("db", "must be postgres, clickhouse or all. Example: -Dbrokle.migrate.db=postgres");
        }
        List<DatasourceConfig> selected = new ArrayList<>();
        for (String name : DATASOURCES) {
            if (db.equals("all") || db.equals(name)) {
                selected.add(datasource(name, sources));
            }
        }
        return new MigrateConfig(sources.baseDir(), sources.workDir(), db, selected, notes);
    }

    private DatasourceConfig datasource(String name, ConfigSources sources) {
        String url = get(name + ".url");
        String username = get(name + ".username");
        String password = get(name + ".password");
        String serverId = get(name + ".serverId");
        Integer httpPort = integer(name + ".httpPort");
        String jdbcUrl = null;
        GoMigrateParameters goMigrate = GoMigrateParameters.NONE;
        if (url != null && !url.isBlank()) {
            DatabaseUrl parsed = DatabaseUrl.parse(name, describe(name + ".url"), url, httpPort, notes::add);
            jdbcUrl = parsed.jdbcUrl();
            goMigrate = parsed.goMigrate();
            if (serverId != null && (username != null || password != null || parsed.username() != null)) {
                throw error(name + ".serverId", "is set together with a user name or password (in "
                        + (username != null || password != null
                        ? describe(username != null ? name + ".username" : name + ".password")
                        : "the URL") + "). Keep the credentials in one place: the settings.xml server or the "
                        + "username/password parameters.");
            }
            if (username == null) {
                username = parsed.username();
            }
            if (password == null) {
                password = parsed.password();
            }
        }
        if (serverId != null) {
            Credentials credentials = sources.servers().apply(serverId).orElseThrow(() -> error(name + ".serverId",
                    "names server '" + serverId + "', which ~/.m2/settings.xml does not define. Add "
                            + "<server><id>" + serverId + "</id>...</server> to settings.xml or fix the id."));
            username = credentials.username();
            password = credentials.password();
        }
        boolean embedded = jdbcUrl == null && name.equals("postgres");
        String table = agreeing(name + ".table", goMigrate.table(), "x-migrations-table", "version table");
        String cluster = agreeing(name + ".cluster", goMigrate.cluster(), "x-cluster-name", "cluster");
        if (!table.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?")) {
            throw error(name + ".table", "is not a valid table name. Use letters, digits and '_', e.g. "
                    + "schema_migrations" + (name.equals("postgres") ? " or other_schema.schema_migrations." : "."));
        }
        if (table.contains(".") && !name.equals("postgres")) {
            throw error(name + ".table", "names another database. Give the table alone, e.g. schema_migrations: "
                    + "the database is the one in the URL.");
        }
        cluster = cluster == null || cluster.isBlank() ? null : cluster.strip();
        if (cluster != null && !cluster.matches("[A-Za-z0-9_-]+|\\{[A-Za-z0-9_]+}")) {
            throw error(name + ".cluster", "is not a cluster name. Use letters, digits, '_' and '-' (e.g. "
                    + "brokle_cluster), or one macro such as {cluster}.");
        }
        return new DatasourceConfig(name, jdbcUrl, username, password, embedded,
                path(sources.baseDir(), name + ".dir"), table, cluster, Map.of(), goMigrate.tableEngine(),
                statementTimeout(name, goMigrate.statementTimeout()), onlyFor(name, "postgres", "lockTimeout"));
    }

    /**
     * The value a golang-migrate URL parameter asks for, unless the plugin parameter is set explicitly; both set
     * and different is an error, as the plugin and the Go CLI would then work on different tables.
     */
    private String agreeing(String key, String fromUrl, String urlParameter, String what) {
        String explicit = strip(get(key));
        boolean isExplicit = explicit != null && !explicit.isEmpty() && !"default".equals(origins.get(key));
        if (fromUrl == null) {
            return get(key);
        }
        if (isExplicit && !explicit.equals(fromUrl)) {
            String datasource = key.substring(0, key.indexOf('.'));
            throw error(key, "conflicts with " + urlParameter + "=" + fromUrl + " in " + describe(datasource + ".url")
                    + ": the plugin and the Go CLI would use different " + what + "s. Remove one of the two or make "
                    + "them equal.");
        }
        return fromUrl;
    }

    /**
     * The per-statement limit: PostgreSQL's statementTimeout (or x-statement-timeout in the URL; both set must agree),
     * ClickHouse's maxExecutionTime.
     */
    private java.time.Duration statementTimeout(String name, java.time.Duration fromUrl) {
        if (name.equals("clickhouse")) {
            onlyFor(name, "postgres", "statementTimeout");
            return onlyFor(name, "clickhouse", "maxExecutionTime");
        }
        onlyFor(name, "clickhouse", "maxExecutionTime");
        java.time.Duration explicit = onlyFor(name, "postgres", "statementTimeout");
        if (explicit != null && fromUrl != null && !explicit.equals(fromUrl)) {
            throw error(name + ".statementTimeout", "conflicts with x-statement-timeout=" + fromUrl.toMillis() + " in "
                    + describe(name + ".url") + ". Remove one of the two or make them equal.");
        }
        return explicit != null ? explicit : fromUrl;
    }

    /**
     * A guard duration that only {@code owner} has: {@code 500ms}, {@code 5s}, {@code 2min}, {@code 1h}, or a plain
     * number (milliseconds; seconds for ClickHouse's maxExecutionTime). 0 means none.
     */
    private java.time.Duration onlyFor(String name, String owner, String key) {
        String value = strip(get(name + "." + key));
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!name.equals(owner)) {
            throw error(name + "." + key, "is a " + owner + " setting. " + (key.equals("maxExecutionTime")
                    ? "For PostgreSQL use -Dbrokle.migrate.postgres.statementTimeout=30s."
                    : "For ClickHouse use -Dbrokle.migrate.clickhouse.maxExecutionTime=30s."));
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,9})\\s*(ms|s|min|h)?").matcher(value);
        if (!m.matches()) {
            throw error(name + "." + key, "must be a duration such as 500ms, 30s, 2min or 1h. Example: -D" + PREFIX
                    + name + "." + key + "=30s");
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) != null ? m.group(2) : key.equals("maxExecutionTime") ? "s" : "ms";
        java.time.Duration duration = switch (unit) {
            case "ms" -> java.time.Duration.ofMillis(amount);
            case "s" -> java.time.Duration.ofSeconds(amount);
            case "min" -> java.time.Duration.ofMinutes(amount);
            default -> java.time.Duration.ofHours(amount);
        };
        return duration.isZero() ? null : duration;
    }

    private void layer(Map<String, String> layerValues, String origin) {
        layerValues.forEach((k, v) -> {
            values.put(k, v);
            origins.put(k, origin);
        });
    }

    /** The environment or {@code .env}: Brokle's variables, and DB_* when the layer has no DATABASE_URL. */
    private void environmentLayer(Map<String, String> environment, String origin) {
        Map<String, String> mapped = new HashMap<>();
        ENVIRONMENT.forEach((variable, key) -> {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                mapped.put(key, value);
            }
        });
        layer(mapped, origin);
        if (!mapped.containsKey("postgres.url")) {
            DbVariables.postgresUrl(environment, origin).ifPresent(url -> {
                values.put("postgres.url", url);
                origins.put("postgres.url", DbVariables.origin(origin));
            });
        }
    }

    private static Map<String, String> fromCommandLine(Map<String, String> properties) {
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
                    + "} and brokle.migrate.{postgres,clickhouse}.{" + String.join(",", new TreeSet<>(DATASOURCE_KEYS))
                    + "}. Fix the spelling of the -D option.");
        }
        return mapped;
    }

    private static boolean isKnown(String key) {
        int dot = key.indexOf('.');
        if (dot < 0) {
            return GoalOptions.NAMES.contains(key);
        }
        return DATASOURCES.contains(key.substring(0, dot)) && DATASOURCE_KEYS.contains(key.substring(dot + 1));
    }

    private String get(String key) {
        return values.get(key);
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
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

    private Path path(Path baseDir, String key) {
        String value = strip(get(key));
        return value == null || value.isEmpty() ? null : baseDir.resolve(value).normalize();
    }

    private String describe(String key) {
        return PREFIX + key + " (from " + origins.getOrDefault(key, "default") + ")";
    }

    private ConfigurationException error(String key, String problem) {
        String value = get(key);
        String shown = key.endsWith("password") ? "***" : SecretMasker.maskUrl(value);
        return new ConfigurationException(describe(key) + "=" + shown + " " + problem);
    }
}
