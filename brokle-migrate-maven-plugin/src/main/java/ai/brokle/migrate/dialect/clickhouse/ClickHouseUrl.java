package ai.brokle.migrate.dialect.clickhouse;

import ai.brokle.migrate.config.DatabaseUrl;
import ai.brokle.migrate.config.UrlInput;

/**
 * ClickHouse's URL forms: {@code jdbc:clickhouse:...} (or {@code jdbc:ch:}) and golang-migrate's
 * {@code clickhouse://user:pass@host:9000/db?x-multi-statement=true}. The plugin speaks HTTP: a native port is
 * mapped to the HTTP one (or {@code httpPort}).
 */
final class ClickHouseUrl {

    static final int NATIVE_PORT = 9000;
    static final int NATIVE_TLS_PORT = 9440;
    static final int HTTP_PORT = 8123;
    static final int HTTPS_PORT = 8443;

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
        String path = parts.rawPath().isEmpty() || "/".equals(parts.rawPath()) ? "/default" : parts.rawPath();
        return url.converted("jdbc:clickhouse:" + scheme + parts.host() + ":" + port + path, parts.username(),
                parts.password(), text, parts.rawQuery());
    }
}
