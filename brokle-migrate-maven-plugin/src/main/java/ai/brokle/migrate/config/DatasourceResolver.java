package ai.brokle.migrate.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the datasources' parameters ({@code brokle.migrate.<kind>.*}) of each {@link DatasourceKind}: defaults,
 * the environment variables, the URL with its golang-migrate {@code x-*} parameters (they set the version table and
 * cluster unless the parameter is set explicitly; then both must agree), credentials and the duration settings.
 */
final class DatasourceResolver {

    private static final Set<String> COMMON_KEYS = Set.of("url", "username", "password", "serverId", "dir", "table",
            "cluster", "httpPort");
    private static final String DEFAULT_TABLE = "schema_migrations";
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|min|h)?");

    private final List<? extends DatasourceKind> kinds;
    private final ConfigValues values;
    private final Path baseDir;
    private final Consumer<String> notes;

    /**
     * @param baseDir  the project directory, against which the datasources' directories resolve
     */
    DatasourceResolver(List<? extends DatasourceKind> kinds, ConfigValues values, Path baseDir,
                       Consumer<String> notes) {
        this.kinds = kinds;
        this.values = values;
        this.baseDir = baseDir;
        this.notes = notes;
    }

    /** Each kind's migration directory and version table when nothing else sets them. */
    Map<String, String> defaults() {
        Map<String, String> defaults = new HashMap<>();
        for (DatasourceKind kind : kinds) {
            defaults.put(kind.traits().name() + ".dir", kind.traits().defaultDir());
            defaults.put(kind.traits().name() + ".table", DEFAULT_TABLE);
        }
        return defaults;
    }

    /** The environment or {@code .env}: each kind's variables, and its other URL variables when the URL's is unset. */
    void environmentLayer(Map<String, String> environment, String origin) {
        for (DatasourceKind kind : kinds) {
            String name = kind.traits().name();
            String url = environment.get(kind.traits().urlVariable());
            String dir = environment.get(kind.traits().dirVariable());
            if (dir != null && !dir.isBlank()) {
                values.put(name + ".dir", dir, origin);
            }
            if (url != null && !url.isBlank()) {
                values.put(name + ".url", url, origin);
            } else {
                kind.urlFromVariables(environment, origin)
                        .ifPresent(built -> values.put(name + ".url", built.url(), built.origin()));
            }
        }
    }

    /** The kinds' names, in the order given, e.g. for {@code brokle.migrate.{postgres,clickhouse}.url}. */
    List<String> names() {
        return kinds.stream().map(kind -> kind.traits().name()).toList();
    }

    /** Every parameter a datasource may have, sorted. */
    Set<String> keys() {
        Set<String> keys = new TreeSet<>(COMMON_KEYS);
        kinds.forEach(kind -> kind.traits().durationSettings().forEach(setting -> keys.add(setting.key())));
        return keys;
    }

    /** True for {@code <kind>.<key>} of a known kind and key. */
    boolean isKnown(String name, String key) {
        return names().contains(name) && keys().contains(key);
    }

    DatasourceConfig resolve(DatasourceKind kind, Function<String, Optional<Credentials>> servers) {
        String name = kind.traits().name();
        String url = values.get(name + ".url");
        String username = values.get(name + ".username");
        String password = values.get(name + ".password");
        String serverId = values.get(name + ".serverId");
        Integer httpPort = values.integer(name + ".httpPort");
        String jdbcUrl = null;
        GoMigrateParameters goMigrate = GoMigrateParameters.NONE;
        if (url != null && !url.isBlank()) {
            DatabaseUrl parsed = DatabaseUrl.parse(kind, values.describe(name + ".url"), url, httpPort, notes);
            jdbcUrl = parsed.jdbcUrl();
            goMigrate = parsed.goMigrate();
            if (serverId != null && (username != null || password != null || parsed.username() != null)) {
                throw values.error(name + ".serverId", "is set together with a user name or password (in "
                        + (username != null || password != null
                        ? values.describe(username != null ? name + ".username" : name + ".password")
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
            Credentials credentials = servers.apply(serverId).orElseThrow(() -> values.error(name + ".serverId",
                    "names server '" + serverId + "', which ~/.m2/settings.xml does not define. Add "
                            + "<server><id>" + serverId + "</id>...</server> to settings.xml or fix the id."));
            username = credentials.username();
            password = credentials.password();
        }
        boolean embedded = jdbcUrl == null && kind.traits().embeddedWhenUnconfigured();
        String table = agreeing(name + ".table", goMigrate.table(), GoMigrateParameters.TABLE, "version table");
        String cluster = agreeing(name + ".cluster", goMigrate.cluster(), GoMigrateParameters.CLUSTER, "cluster");
        checkTable(kind, table);
        cluster = cluster == null || cluster.isBlank() ? null : cluster.strip();
        if (cluster != null && !cluster.matches("[A-Za-z0-9_-]+|\\{[A-Za-z0-9_]+}")) {
            throw values.error(name + ".cluster", "is not a cluster name. Use letters, digits, '_' and '-' (e.g. "
                    + "brokle_cluster), or one macro such as {cluster}.");
        }
        Map<String, Duration> durations = durations(kind);
        return new DatasourceConfig(kind, jdbcUrl, username, password, embedded, values.path(baseDir, name + ".dir"), table,
                cluster, goMigrate.tableEngine(), statementTimeout(kind, durations, goMigrate.statementTimeout()),
                durations.get("lockTimeout"));
    }

    private void checkTable(DatasourceKind kind, String table) {
        String key = kind.traits().name() + ".table";
        if (!table.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?")) {
            throw values.error(key, "is not a valid table name. Use letters, digits and '_', e.g. " + DEFAULT_TABLE
                    + (kind.traits().tableMayNameSchema() ? " or other_schema." + DEFAULT_TABLE + "." : "."));
        }
        if (table.contains(".") && !kind.traits().tableMayNameSchema()) {
            throw values.error(key, "names another database. Give the table alone, e.g. " + DEFAULT_TABLE
                    + ": the database is the one in the URL.");
        }
    }

    /**
     * The value a golang-migrate URL parameter asks for, unless the plugin parameter is set explicitly; both set
     * and different is an error, as the plugin and the Go CLI would then work on different tables.
     */
    private String agreeing(String key, String fromUrl, String urlParameter, String what) {
        if (fromUrl == null) {
            return values.get(key);
        }
        if (values.isExplicit(key) && !values.get(key).strip().equals(fromUrl)) {
            String datasource = key.substring(0, key.indexOf('.'));
            throw values.error(key, "conflicts with " + urlParameter + "=" + fromUrl + " in "
                    + values.describe(datasource + ".url") + ": the plugin and the Go CLI would use different " + what
                    + "s. Remove one of the two or make them equal.");
        }
        return fromUrl;
    }

    /**
     * The kind's first duration setting limits each statement (PostgreSQL's statementTimeout, ClickHouse's
     * maxExecutionTime); golang-migrate's x-statement-timeout sets it too, and both set must agree.
     */
    private Duration statementTimeout(DatasourceKind kind, Map<String, Duration> durations, Duration fromUrl) {
        List<DatasourceKind.DurationSetting> settings = kind.traits().durationSettings();
        if (settings.isEmpty()) {
            return null;
        }
        String key = settings.get(0).key();
        Duration explicit = durations.get(key);
        if (explicit != null && fromUrl != null && !explicit.equals(fromUrl)) {
            throw values.error(kind.traits().name() + "." + key, "conflicts with " + GoMigrateParameters.STATEMENT_TIMEOUT
                    + "=" + fromUrl.toMillis() + " in " + values.describe(kind.traits().name() + ".url")
                    + ". Remove one of the two or make them equal.");
        }
        return explicit != null ? explicit : fromUrl;
    }

    /**
     * The kind's duration settings that are set (0 means none), after refusing another kind's: {@code 500ms},
     * {@code 5s}, {@code 2min}, {@code 1h}, or a plain number in the setting's unit.
     */
    private Map<String, Duration> durations(DatasourceKind kind) {
        String name = kind.traits().name();
        Set<String> own = new LinkedHashSet<>();
        kind.traits().durationSettings().forEach(setting -> own.add(setting.key()));
        for (DatasourceKind other : kinds) {
            for (DatasourceKind.DurationSetting setting : other.traits().durationSettings()) {
                if (!own.contains(setting.key()) && isSet(name + "." + setting.key())) {
                    throw values.error(name + "." + setting.key(), "is a " + other.traits().name() + " setting. "
                            + (own.isEmpty() ? "Remove it." : "For " + kind.traits().productName() + " use -D"
                            + ConfigResolver.PREFIX + name + "." + own.iterator().next() + "=30s."));
                }
            }
        }
        Map<String, Duration> durations = new HashMap<>();
        for (DatasourceKind.DurationSetting setting : kind.traits().durationSettings()) {
            String key = name + "." + setting.key();
            if (!isSet(key)) {
                continue;
            }
            Matcher m = DURATION.matcher(values.get(key).strip());
            if (!m.matches()) {
                throw values.error(key, "must be a duration such as 500ms, 30s, 2min or 1h. Example: -D"
                        + ConfigResolver.PREFIX + key + "=30s");
            }
            long amount = Long.parseLong(m.group(1));
            Duration duration = m.group(2) == null ? Duration.of(amount, setting.plainNumberUnit()) : switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "min" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
            if (!duration.isZero()) {
                durations.put(setting.key(), duration);
            }
        }
        return durations;
    }

    private boolean isSet(String key) {
        String value = values.get(key);
        return value != null && !value.isBlank();
    }
}
