package ai.brokle.migrate.dialect.postgres;

import ai.brokle.migrate.config.ConfigurationException;
import ai.brokle.migrate.config.UrlCoding;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Brokle's {@code DB_HOST}, {@code DB_PORT}, {@code DB_USER}, {@code DB_PASSWORD}, {@code DB_NAME} and
 * {@code DB_SSLMODE}: a PostgreSQL URL for a layer (the environment or {@code .env}) that has no
 * {@code DATABASE_URL} but names a host or a database. Defaults as in Brokle: localhost, 5432, sslmode=disable.
 */
final class DbVariables {

    static final List<String> NAMES = List.of("DB_HOST", "DB_PORT", "DB_USER", "DB_PASSWORD", "DB_NAME", "DB_SSLMODE");
    private static final List<String> SSL_MODES = List.of("disable", "allow", "prefer", "require", "verify-ca",
            "verify-full");
    private static final String HOST_NAME = "[A-Za-z0-9._-]+|\\[[0-9A-Fa-f:.]+]";

    private DbVariables() {
    }

    /**
     * @param variables the layer's variables
     * @param origin    {@code .env} or {@code environment}, for error messages
     * @return a {@code postgres://} URL, credentials percent-encoded; empty when neither DB_HOST nor DB_NAME is set
     */
    static Optional<String> postgresUrl(Map<String, String> variables, String origin) {
        String host = value(variables, "DB_HOST");
        String name = value(variables, "DB_NAME");
        if (host == null && name == null) {
            return Optional.empty();
        }
        host = host == null ? "localhost" : host.strip();
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        if (!host.matches(HOST_NAME)) {
            throw error(origin, "DB_HOST", variables, "is not a host name. Set a host name or IP address, e.g. "
                    + "DB_HOST=localhost.");
        }
        String port = value(variables, "DB_PORT");
        port = port == null ? String.valueOf(PostgresUrl.DEFAULT_PORT) : port.strip();
        if (!port.matches("\\d{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
            throw error(origin, "DB_PORT", variables, "is not a port number (1-65535). Fix it, e.g. DB_PORT=5432.");
        }
        String sslMode = value(variables, "DB_SSLMODE");
        sslMode = sslMode == null ? "disable" : sslMode.strip();
        if (!SSL_MODES.contains(sslMode)) {
            throw error(origin, "DB_SSLMODE", variables, "must be one of " + String.join(", ", SSL_MODES)
                    + ". Fix it, e.g. DB_SSLMODE=disable.");
        }
        String user = value(variables, "DB_USER");
        String password = value(variables, "DB_PASSWORD");
        String userInfo = user == null && password == null ? ""
                : UrlCoding.encode(user == null ? "" : user) + (password == null ? "" : ":" + UrlCoding.encode(password)) + "@";
        return Optional.of("postgres://" + userInfo + host + ":" + port + "/" + UrlCoding.encode(name == null ? "" : name)
                + "?sslmode=" + sslMode);
    }

    /** Where a URL built from these variables came from, as error messages name it. */
    static String origin(String layer) {
        return layer + " " + String.join("/", NAMES);
    }

    private static String value(Map<String, String> variables, String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? null : value;
    }


    private static ConfigurationException error(String origin, String variable, Map<String, String> variables,
                                                String problem) {
        return new ConfigurationException(variable + " (from " + origin + ")=" + variables.get(variable) + " "
                + problem);
    }
}
