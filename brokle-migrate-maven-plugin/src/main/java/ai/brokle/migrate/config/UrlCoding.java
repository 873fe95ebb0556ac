package ai.brokle.migrate.config;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Percent-coding of URL parts as golang-migrate and its Go drivers read them. */
public final class UrlCoding {

    private UrlCoding() {
    }

    /**
     * One {@code key=value} of a URL's query.
     *
     * @param raw   as written, still percent-encoded
     * @param key   decoded as Go reads it
     * @param value decoded as Go reads it; empty when the pair has no '='
     */
    public record QueryPair(String raw, String key, String value) {
    }

    /** The pairs of a query (percent-encoded, or null), in order; empty pairs ({@code a=1&&b=2}) are left out. */
    public static List<QueryPair> pairs(String rawQuery) {
        List<QueryPair> pairs = new ArrayList<>();
        for (String pair : rawQuery == null ? new String[0] : rawQuery.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                pairs.add(new QueryPair(pair, queryPart(eq < 0 ? pair : pair.substring(0, eq)),
                        eq < 0 ? "" : queryPart(pair.substring(eq + 1))));
            }
        }
        return pairs;
    }

    /** A query's key or value as Go's URL query reading gives it: percent escapes, '+' as a space. */
    public static String queryPart(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw; // not a valid escape: the text as written
        }
    }

    /** The user info's user or password: percent escapes only ('+' is a literal '+' there). */
    public static String userInfoPart(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** Percent-encoded for any part of a URL: a space is %20, never '+'. */
    public static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
