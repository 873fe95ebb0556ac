package ai.brokle.migrate.dialect.postgres;

import ai.brokle.migrate.config.UrlCoding;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The query of a {@code postgres://} URL as lib/pq, the Go CLI's driver, reads it, in pgjdbc's terms. lib/pq's own
 * settings map to pgjdbc's ({@code connect_timeout} → {@code connectTimeout}, {@code application_name} or
 * {@code fallback_application_name} → {@code ApplicationName}; the SSL files, {@code sslmode}, {@code password} and
 * {@code options} keep their names), its protocol choices are dropped, and every other parameter is a run-time
 * parameter of the session ({@code search_path}, {@code statement_timeout}, {@code TimeZone}, ...), which lib/pq sends
 * to the server and pgjdbc would ignore: it goes to the server as {@code -c key=value} in {@code options}.
 * golang-migrate's {@code x-*} parameters stay as they are.
 */
final class LibpqQuery {

    private static final Set<String> SAME_NAME = Set.of("sslmode", "sslcert", "sslkey", "sslrootcert", "password",
            "user");
    private static final Set<String> PROTOCOL_ONLY = Set.of("binary_parameters", "disable_prepared_binary_result");
    private static final Set<String> NOT_SUPPORTED = Set.of("host", "port", "dbname", "sslinline", "sslsni",
            "krbsrvname", "krbspn");

    private LibpqQuery() {
    }

    /**
     * @param rawQuery    the URL's query, percent-encoded, or null
     * @param unsupported the error for a parameter that cannot be honoured, given why
     * @return the query for pgjdbc and golang-migrate, percent-encoded, or null when empty
     */
    static String toJdbc(String rawQuery, Function<String, RuntimeException> unsupported) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return rawQuery;
        }
        List<String> kept = new ArrayList<>();
        Map<String, String> named = new LinkedHashMap<>();
        StringBuilder options = new StringBuilder();
        for (UrlCoding.QueryPair pair : UrlCoding.pairs(rawQuery)) {
            String key = pair.key();
            String value = pair.value();
            if (PROTOCOL_ONLY.contains(key)) {
                continue;
            }
            if (key.startsWith("x-") || SAME_NAME.contains(key)) {
                kept.add(pair.raw());
            } else if (NOT_SUPPORTED.contains(key)) {
                throw unsupported.apply(key + " is lib/pq's and not supported here");
            } else if (key.equalsIgnoreCase("timezone")) {
                if (isTheJvmsZone(value)) {
                    continue; // the driver sets the JVM's zone, which is this one
                }
                throw unsupported.apply(key + " cannot be passed on: the JDBC driver sets the session's time zone "
                        + "from the JVM; run Maven with MAVEN_OPTS=-Duser.timezone=" + value + " instead");
            } else if (key.equals("connect_timeout")) {
                named.put("connectTimeout", value);
            } else if (key.equals("application_name")) {
                named.put("ApplicationName", value);
            } else if (key.equals("fallback_application_name")) {
                named.putIfAbsent("ApplicationName", value);
            } else if (key.equals("options")) {
                options.append(options.isEmpty() ? "" : " ").append(value);
            } else {
                options.append(options.isEmpty() ? "" : " ").append("-c ").append(escape(key)).append('=')
                        .append(escape(value));
            }
        }
        named.forEach((key, value) -> kept.add(key + "=" + UrlCoding.encode(value)));
        if (!options.isEmpty()) {
            kept.add("options=" + UrlCoding.encode(options.toString()));
        }
        return kept.isEmpty() ? null : String.join("&", kept);
    }

    private static boolean isTheJvmsZone(String zone) {
        try {
            return ZoneId.of(zone).getRules().equals(ZoneId.systemDefault().getRules());
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** In the server's options, a backslash escapes the next character; spaces separate the arguments. */
    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace(" ", "\\ ");
    }
}
