package ai.brokle.migrate.config;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Percent-coding of URL parts as golang-migrate and its Go drivers read them. */
public final class UrlCoding {

    private UrlCoding() {
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
