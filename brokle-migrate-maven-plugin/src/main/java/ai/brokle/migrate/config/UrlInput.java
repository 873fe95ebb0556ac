package ai.brokle.migrate.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A URL as a user wrote it, while its {@link DatasourceKind} turns it into a {@link DatabaseUrl}: the parsing,
 * checks and error messages every URL form shares. golang-migrate's {@code x-*} parameters never reach the driver.
 */
public final class UrlInput {

    private static final String PERCENT_ENCODE = "URL-encode special characters in the password and the user "
            + "name (percent-encoding): '@' as %40, '#' as %23, '/' as %2F, '?' as %3F, ':' in the user name as %3A, '%' as %25";

    /**
     * The parts of a {@code scheme://user:pass@host:port/path?query} URL.
     *
     * @param port     -1 when the URL names none
     * @param rawPath  still percent-encoded, possibly empty
     * @param rawQuery still percent-encoded, or null
     */
    public record Parts(String text, String scheme, String username, String password, String host, int port,
                        String rawPath, String rawQuery) {
    }

    private final DatasourceKind kind;
    private final String parameter;
    private final String text;
    private final Integer httpPort;
    private final Consumer<String> notes;

    UrlInput(DatasourceKind kind, String parameter, String text, Integer httpPort, Consumer<String> notes) {
        this.kind = kind;
        this.parameter = parameter;
        this.text = text;
        this.httpPort = httpPort;
        this.notes = notes;
    }

    /** The URL, without surrounding blanks. */
    public String text() {
        return text;
    }

    /** True when the URL starts with one of these lower-case prefixes, in any case. */
    public boolean startsWith(String... prefixes) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String prefix : prefixes) {
            if (lower.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** The datasource's {@code httpPort} parameter, or null. */
    public Integer httpPort() {
        return httpPort;
    }

    /** Passes on a one-line note worth logging (e.g. a port mapping). */
    public void note(String note) {
        notes.accept(note);
    }

    /** Parses {@code url} (this URL or a part of it) as {@code scheme://user:pass@host:port/path?query}. */
    public Parts parts(String url) {
        URI uri;
        try {
            // a raw '"' (as in x-migrations-table="schema"."table") is what golang-migrate accepts unencoded
            uri = new URI(url.replace("\"", "%22"));
        } catch (URISyntaxException e) {
            throw invalid(url, "scheme://user:pass@host:port/db and " + PERCENT_ENCODE);
        }
        if (uri.getHost() == null) {
            throw invalid(url, hasUserInfo(url) ? "scheme://user:pass@host:port/db with a host name, and "
                    + PERCENT_ENCODE : "scheme://user:pass@host:port/db with a host name");
        }
        // An unencoded '/', '?' or '#' in the password ends the user info early: the rest of the password would
        // become host, path, query or fragment. None of these holds an '@' (or a fragment) in a database URL.
        if (uri.getRawFragment() != null || contains(uri.getRawPath(), '@') || contains(uri.getRawQuery(), '@')) {
            throw invalid(url, "scheme://user:pass@host:port/db and " + PERCENT_ENCODE);
        }
        String user = null;
        String pass = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = parts[0].isEmpty() ? null : UrlCoding.userInfoPart(parts[0]);
            pass = parts.length > 1 ? UrlCoding.userInfoPart(parts[1]) : null;
        }
        return new Parts(url, uri.getScheme(), user, pass, uri.getHost(), uri.getPort(),
                uri.getRawPath() == null ? "" : uri.getRawPath(), uri.getRawQuery());
    }

    /**
     * The result: {@code jdbcBase} (a JDBC URL without query) with the driver's part of {@code rawQuery}; the
     * {@code x-*} parameters are checked against the kind and read. Errors show {@code shown}.
     */
    public DatabaseUrl converted(String jdbcBase, String username, String password, String shown, String rawQuery) {
        GoMigrateQuery.Split query = GoMigrateQuery.split(kind.traits(), parameter, shown, rawQuery);
        String kept = query.driverQuery().isEmpty() ? "" : "?" + query.driverQuery();
        return new DatabaseUrl(jdbcBase + kept, username, password, query.goMigrate());
    }

    /** This URL is in none of the kind's forms; {@code expected} names them. */
    public ConfigurationException invalid(String expected) {
        return invalid(text, expected);
    }

    private ConfigurationException invalid(String url, String expected) {
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

    private static boolean hasUserInfo(String url) {
        return url.indexOf('@', url.indexOf("://") + 3) >= 0;
    }

    private static boolean contains(String text, char c) {
        return text != null && text.indexOf(c) >= 0;
    }

}
