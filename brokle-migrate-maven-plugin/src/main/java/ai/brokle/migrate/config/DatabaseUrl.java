package ai.brokle.migrate.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Turns the URL forms users have into a JDBC URL plus credentials:
 * {@code jdbc:postgresql://...}, {@code postgres://user:pass@host:port/db?sslmode=disable},
 * {@code jdbc:clickhouse:...} and {@code clickhouse://user:pass@host:9000/db?x-multi-statement=true}.
 * golang-migrate's {@code x-*} parameters never reach the driver: they are read into {@link #goMigrate()}.
 */
public record DatabaseUrl(String jdbcUrl, String username, String password, GoMigrateParameters goMigrate) {

    private static final String PERCENT_ENCODE = "URL-encode special characters in the password and the user "
            + "name (percent-encoding): '@' as %40, '#' as %23, '/' as %2F, '?' as %3F, ':' in the user name as %3A, '%' as %25";

    public DatabaseUrl(String jdbcUrl, String username, String password) {
        this(jdbcUrl, username, password, GoMigrateParameters.NONE);
    }

    static final int CLICKHOUSE_NATIVE_PORT = 9000;
    static final int CLICKHOUSE_NATIVE_TLS_PORT = 9440;
    static final int CLICKHOUSE_HTTP_PORT = 8123;
    static final int CLICKHOUSE_HTTPS_PORT = 8443;

    /**
     * @param parameter the parameter the URL came from, for error messages
     * @param httpPort  ClickHouse HTTP port to use instead of a native port, or null for the standard mapping
     * @param notes     receives one-line notes worth logging (e.g. a port mapping)
     */
    public static DatabaseUrl parse(String datasource, String parameter, String raw, Integer httpPort,
                                    Consumer<String> notes) {
        String url = raw.strip();
        String lower = url.toLowerCase();
        if ("postgres".equals(datasource)) {
            if (lower.startsWith("jdbc:postgresql:")) {
                int query = url.indexOf('?');
                if (query < 0) {
                    return new DatabaseUrl(url, null, null);
                }
                GoMigrateQuery.Split split = GoMigrateQuery.split(datasource, parameter, url, url.substring(query + 1));
                String kept = split.driverQuery().isEmpty() ? "" : "?" + split.driverQuery();
                return new DatabaseUrl(url.substring(0, query) + kept, null, null, split.goMigrate());
            }
            if (lower.startsWith("postgres://") || lower.startsWith("postgresql://")) {
                return fromUri(datasource, parameter, url, "jdbc:postgresql://", 5432, null, notes);
            }
            throw invalid(parameter, url, "jdbc:postgresql://host:5432/db or postgres://user:pass@host:5432/db?sslmode=disable");
        }
        if (lower.startsWith("jdbc:clickhouse:") || lower.startsWith("jdbc:ch:")) {
            String rest = url.substring(url.indexOf(':', 5) + 1);
            if (!rest.contains("://")) {
                rest = "http://" + rest.replaceFirst("^//", "");
            }
            DatabaseUrl parsed = fromUri(datasource, parameter, rest, "", CLICKHOUSE_HTTP_PORT, httpPort, notes);
            return new DatabaseUrl("jdbc:clickhouse:" + parsed.jdbcUrl, parsed.username, parsed.password,
                    parsed.goMigrate);
        }
        if (lower.startsWith("clickhouse://") || lower.startsWith("tcp://")) {
            return fromUri(datasource, parameter, url, "jdbc:clickhouse:http://", CLICKHOUSE_HTTP_PORT, httpPort, notes);
        }
        throw invalid(parameter, url, "jdbc:clickhouse:http://host:8123/db or clickhouse://user:pass@host:9000/db");
    }

    private static DatabaseUrl fromUri(String datasource, String parameter, String url, String prefix,
                                       int defaultPort, Integer httpPort, Consumer<String> notes) {
        URI uri;
        try {
            // a raw '"' (as in x-migrations-table="schema"."table") is what golang-migrate accepts unencoded
            uri = new URI(url.replace("\"", "%22"));
        } catch (URISyntaxException e) {
            throw invalid(parameter, url, "scheme://user:pass@host:port/db and " + PERCENT_ENCODE);
        }
        if (uri.getHost() == null) {
            throw invalid(parameter, url, hasUserInfo(url) ? "scheme://user:pass@host:port/db with a host name, and "
                    + PERCENT_ENCODE : "scheme://user:pass@host:port/db with a host name");
        }
        // An unencoded '/', '?' or '#' in the password ends the user info early: the rest of the password would
        // become host, path, query or fragment. None of these holds an '@' (or a fragment) in a database URL.
        if (uri.getRawFragment() != null || contains(uri.getRawPath(), '@') || contains(uri.getRawQuery(), '@')) {
            throw invalid(parameter, url, "scheme://user:pass@host:port/db and " + PERCENT_ENCODE);
        }
        String user = null;
        String pass = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = parts[0].isEmpty() ? null : decode(parts[0]);
            pass = parts.length > 1 ? decode(parts[1]) : null;
        }
        String scheme = prefix.isEmpty() ? uri.getScheme() + "://" : prefix;
        int port = uri.getPort() < 0 ? defaultPort : uri.getPort();
        boolean clickhouse = defaultPort == CLICKHOUSE_HTTP_PORT;
        if (clickhouse && (port == CLICKHOUSE_NATIVE_PORT || port == CLICKHOUSE_NATIVE_TLS_PORT)) {
            boolean tls = port == CLICKHOUSE_NATIVE_TLS_PORT;
            int mapped = httpPort != null ? httpPort : tls ? CLICKHOUSE_HTTPS_PORT : CLICKHOUSE_HTTP_PORT;
            notes.accept("ClickHouse URL uses native port " + port + "; connecting over HTTP port " + mapped
                    + " (set brokle.migrate.clickhouse.httpPort to change it)");
            port = mapped;
            if (tls) {
                scheme = scheme.replace("http://", "https://");
            }
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (clickhouse && "/".equals(path)) {
            path = "/default";
        }
        GoMigrateQuery.Split query = GoMigrateQuery.split(datasource, parameter, url, uri.getRawQuery());
        String kept = query.driverQuery().isEmpty() ? "" : "?" + query.driverQuery();
        return new DatabaseUrl(scheme + uri.getHost() + ":" + port + path + kept, user, pass, query.goMigrate());
    }

    private static boolean hasUserInfo(String url) {
        return url.indexOf('@', url.indexOf("://") + 3) >= 0;
    }

    private static boolean contains(String text, char c) {
        return text != null && text.indexOf(c) >= 0;
    }

    private static String decode(String s) {
        // percent-decoding only: '+' is a literal '+' in a URL's user info, not a space as in form data
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static ConfigurationException invalid(String parameter, String url, String expected) {
        return new ConfigurationException(parameter + "=" + maskUnparsed(url)
                + " is not a URL this plugin understands. Use " + expected + ".");
    }

    /**
     * A URL that did not parse may hold a password with unencoded '@', ' ', '/' or '#', which the usual masking
     * cannot delimit: everything between "://" and the last '@' is hidden.
     */
    private static String maskUnparsed(String url) {
        String masked = SecretMasker.maskUrl(url);
        int authority = masked.indexOf("://");
        int at = masked.lastIndexOf('@');
        return authority >= 0 && at > authority ? masked.substring(0, authority + 3) + "***" + masked.substring(at)
                : masked;
    }

    @Override
    public String toString() {
        return "DatabaseUrl[" + SecretMasker.maskUrl(jdbcUrl) + ", user=" + username + "]";
    }
}
