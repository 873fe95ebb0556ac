package ai.brokle.migrate.dialect.clickhouse;

import ai.brokle.migrate.config.DatabaseUrl;
import ai.brokle.migrate.config.UrlCoding;
import ai.brokle.migrate.config.UrlInput;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * ClickHouse's URL forms: {@code jdbc:clickhouse:...} (or {@code jdbc:ch:}) and golang-migrate's
 * {@code clickhouse://user:pass@host:9000/db?x-multi-statement=true}, where user, password and database may also be
 * the query parameters {@code username}, {@code password} and {@code database}; as the Go CLI's client does, the
 * client's own options are not sent and any other parameter is a server setting. The plugin speaks HTTP: a native
 * port is mapped to the HTTP one (or {@code httpPort}).
 */
final class ClickHouseUrl {

    static final int NATIVE_PORT = 9000;
    static final int NATIVE_TLS_PORT = 9440;
    static final int HTTP_PORT = 8123;
    static final int HTTPS_PORT = 8443;
    /** golang-migrate's documented form gives them as query parameters: clickhouse://host:9000?username=&password=. */
    private static final Set<String> GO_DRIVER_AUTH = Set.of("username", "password", "database");
    /** The Go client's (clickhouse-go v1 and v2) connection options: timeouts, pools, compression, debugging. */
    private static final Set<String> GO_CLIENT_OPTIONS = Set.of("dial_timeout", "read_timeout", "write_timeout",
            "no_delay", "alt_hosts", "connection_open_strategy", "block_size", "block_buffer_size", "pool_size",
            "max_open_conns", "max_idle_conns", "conn_max_lifetime", "debug", "compress", "compress_level",
            "max_compression_buffer", "client_info_product", "tls_config");
    /** How clickhouse-jdbc takes a server setting in the URL. */
    private static final String SERVER_SETTING = "clickhouse_setting_";

    private ClickHouseUrl() {
    }

    static DatabaseUrl jdbcUrl(UrlInput url) {
        String text = url.text();
        if (url.startsWith("jdbc:clickhouse:", "jdbc:ch:")) {
            String rest = text.substring(text.indexOf(':', 5) + 1);
            return overHttp(url, rest.contains("://") ? rest : "http://" + rest.replaceFirst("^//", ""), true);
        }
        if (url.startsWith("clickhouse://", "tcp://")) {
            return overHttp(url, text, false);
        }
        throw url.invalid("jdbc:clickhouse:http://host:" + HTTP_PORT + "/db or clickhouse://user:pass@host:"
                + NATIVE_PORT + "/db");
    }

    /** @param keepScheme true to keep the URL's http or https; false for golang-migrate's native-protocol schemes */
    private static DatabaseUrl overHttp(UrlInput url, String text, boolean keepScheme) {
        UrlInput.Parts parts = url.parts(text);
        String scheme = keepScheme ? parts.scheme() + "://" : "http://";
        int port = parts.port() < 0 ? HTTP_PORT : parts.port();
        if (port == NATIVE_PORT || port == NATIVE_TLS_PORT) {
            boolean tls = port == NATIVE_TLS_PORT;
            int mapped = url.httpPort() != null ? url.httpPort() : tls ? HTTPS_PORT : HTTP_PORT;
            url.note("ClickHouse URL uses native port " + port + "; connecting over HTTP port " + mapped
                    + " (set brokle.migrate.clickhouse.httpPort to change it)");
            port = mapped;
            if (tls) {
                scheme = scheme.replace("http://", "https://");
            }
        }
        String path = parts.rawPath().isEmpty() || "/".equals(parts.rawPath()) ? "" : parts.rawPath();
        String username = parts.username();
        String password = parts.password();
        List<String> query = new ArrayList<>();
        for (UrlCoding.QueryPair pair : UrlCoding.pairs(parts.rawQuery())) {
            String key = pair.key();
            String value = pair.value();
            if (keepScheme || key.startsWith("x-") || key.equals("secure")) {
                query.add(pair.raw());
            } else if (GO_CLIENT_OPTIONS.contains(key)) {
                continue; // the Go client's own connection handling: nothing for the server or this driver
            } else if (key.equals("skip_verify")) {
                throw url.invalid("clickhouse://user:pass@host:" + NATIVE_PORT + "/db without skip_verify (the "
                        + "plugin always checks the server's certificate: trust it in the JVM, or give a JDBC URL)");
            } else if (!GO_DRIVER_AUTH.contains(key)) {
                query.add(SERVER_SETTING + pair.raw()); // the Go client sends any other parameter as a server setting
            } else if (key.equals("username")) {
                username = username != null ? username : value.isEmpty() ? null : value;
            } else if (key.equals("password")) {
                password = password != null ? password : value;
            } else if (!path.isEmpty() && !path.equals("/" + value)) {
                throw url.invalid("clickhouse://user:pass@host:" + NATIVE_PORT + "/db with one database: the path "
                        + "names " + path.substring(1) + ", the database parameter " + value);
            } else {
                path = "/" + UrlCoding.encode(value);
            }
        }
        return url.converted("jdbc:clickhouse:" + scheme + parts.host() + ":" + port + (path.isEmpty() ? "/default"
                : path), username, password, text, query.isEmpty() ? null : String.join("&", query));
    }
}
