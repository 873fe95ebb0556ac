package ai.brokle.migrate.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static ai.brokle.migrate.config.GoMigrateParameters.CLUSTER;
import static ai.brokle.migrate.config.GoMigrateParameters.STATEMENT_TIMEOUT;
import static ai.brokle.migrate.config.GoMigrateParameters.TABLE;
import static ai.brokle.migrate.config.GoMigrateParameters.TABLE_ENGINE;
import static ai.brokle.migrate.config.GoMigrateParameters.TABLE_QUOTED;

/**
 * Separates golang-migrate's {@code x-*} parameters from the ones meant for the JDBC driver. Those the datasource
 * kind accepts are read ({@code x-multi-statement} and {@code x-multi-statement-max-size} change nothing: the plugin
 * always splits statements itself); any other {@code x-*} is refused, never dropped.
 */
final class GoMigrateQuery {

    private static final Set<String> GO_BOOLEANS_TRUE = Set.of("1", "t", "T", "true", "TRUE", "True");
    private static final Set<String> GO_BOOLEANS_FALSE = Set.of("0", "f", "F", "false", "FALSE", "False");

    private static final Pattern LOWER_CASE_NAME = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final Pattern ANY_CASE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern QUOTED_TABLE = Pattern.compile("\"([a-z_][a-z0-9_]*)\"(?:\\.\"([a-z_][a-z0-9_]*)\")?");
    private static final Pattern PLAIN_TABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");
    private static final Pattern CLUSTER_NAME = Pattern.compile("[\\w.{}'-]+");
    private static final Pattern ENGINE = Pattern.compile("[A-Za-z][A-Za-z0-9_]*(\\([^;]*\\))?");

    /** The driver's part of the query (raw, possibly empty) and what the {@code x-*} parameters ask for. */
    record Split(String driverQuery, GoMigrateParameters goMigrate) {
    }

    private final DatasourceKind.Traits kind;
    private final String parameter;
    private final String url;

    private GoMigrateQuery(DatasourceKind.Traits kind, String parameter, String url) {
        this.kind = kind;
        this.parameter = parameter;
        this.url = url;
    }

    /**
     * @param parameter the parameter the URL came from and {@code url} the URL itself, for error messages
     * @param rawQuery  the URL's query, still percent-encoded, or null
     */
    static Split split(DatasourceKind.Traits kind, String parameter, String url, String rawQuery) {
        return new GoMigrateQuery(kind, parameter, url).split(rawQuery);
    }

    private Split split(String rawQuery) {
        List<String> driver = new ArrayList<>();
        Map<String, String> goMigrate = new LinkedHashMap<>();
        for (UrlCoding.QueryPair pair : UrlCoding.pairs(rawQuery)) {
            String key = pair.key();
            if (!key.startsWith("x-")) {
                driver.add(pair.raw());
                continue;
            }
            if (!kind.goMigrateParameters().contains(key)) {
                throw error(key + " is not a golang-migrate parameter this plugin supports for " + kind.name()
                        + " (supported: " + String.join(", ", kind.goMigrateParameters()) + "). Remove " + key
                        + " from the URL.");
            }
            if (goMigrate.put(key, pair.value()) != null) {
                throw error(key + " is given twice. Keep one " + key + " in the URL.");
            }
        }
        return new Split(String.join("&", driver), new GoMigrateParameters(table(goMigrate),
                checked(goMigrate, CLUSTER, CLUSTER_NAME, "a cluster name, e.g. " + CLUSTER + "=brokle_cluster"),
                checked(goMigrate, TABLE_ENGINE, ENGINE, "an engine, e.g. " + TABLE_ENGINE + "=MergeTree"),
                statementTimeout(goMigrate.get(STATEMENT_TIMEOUT))));
    }

    /**
     * The version table. Where golang-migrate quotes it (its drivers that offer {@code x-migrations-table-quoted}),
     * only names that mean the same unquoted are accepted.
     */
    private String table(Map<String, String> values) {
        if (!kind.goMigrateParameters().contains(TABLE_QUOTED)) {
            return checked(values, TABLE, PLAIN_TABLE, "letters, digits and '_', e.g. " + TABLE + "=schema_migrations");
        }
        String table = blankToNull(values.get(TABLE));
        boolean quoted = bool(TABLE_QUOTED, values.get(TABLE_QUOTED));
        if (table == null) {
            return null;
        }
        if (quoted) {
            Matcher m = QUOTED_TABLE.matcher(table);
            if (!m.matches()) {
                throw error(TABLE + "=" + table + " with " + TABLE_QUOTED + "=true must be quoted: \"table\" or "
                        + "\"schema\".\"table\", in lower-case letters, digits and '_'. Use e.g. " + TABLE
                        + "=\"migrate\".\"schema_migrations\".");
            }
            return m.group(2) == null ? m.group(1) : m.group(1) + "." + m.group(2);
        }
        if (LOWER_CASE_NAME.matcher(table).matches()) {
            return table;
        }
        if (table.contains(".")) {
            throw error(TABLE + "=" + table + " is one table name with a dot in it for the Go CLI (golang-migrate "
                    + "quotes it), which the plugin does not support. To name a schema, use " + TABLE
                    + "=\"schema\".\"table\"&" + TABLE_QUOTED + "=true.");
        }
        if (ANY_CASE_NAME.matcher(table).matches()) {
            throw error(TABLE + "=" + table + " is case-sensitive for the Go CLI (golang-migrate quotes it), while "
                    + "the plugin's table names are not. Use a lower-case name, e.g. " + TABLE + "="
                    + table.toLowerCase() + ".");
        }
        throw error(TABLE + "=" + table + " is not a table name. Use letters, digits and '_', e.g. " + TABLE
                + "=schema_migrations.");
    }

    private String checked(Map<String, String> values, String key, Pattern valid, String expected) {
        String value = blankToNull(values.get(key));
        if (value != null && !valid.matcher(value).matches()) {
            throw error(key + "=" + value + " is not valid here. Use " + expected + ".");
        }
        return value;
    }

    private Duration statementTimeout(String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        if (!value.matches("\\d{1,12}")) {
            throw error(STATEMENT_TIMEOUT + "=" + value + " must be a whole number of milliseconds (0 for none). "
                    + "Use e.g. " + STATEMENT_TIMEOUT + "=60000.");
        }
        long millis = Long.parseLong(value);
        return millis == 0 ? null : Duration.ofMillis(millis);
    }

    private boolean bool(String key, String value) {
        if (value == null || GO_BOOLEANS_FALSE.contains(value)) {
            return false;
        }
        if (GO_BOOLEANS_TRUE.contains(value)) {
            return true;
        }
        throw error(key + "=" + value + " must be true or false. Use e.g. " + key + "=true.");
    }

    private ConfigurationException error(String problem) {
        return new ConfigurationException(parameter + "=" + SecretMasker.maskUrl(url) + ": " + problem);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

}
