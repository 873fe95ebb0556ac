package ai.brokle.migrate.config;

import java.util.regex.Pattern;

/** Removes credentials from anything that may reach a log or an error message. */
public final class SecretMasker {

    private static final Pattern USER_INFO = Pattern.compile("(//[^/@:?#\\s]*):[^@/\\s]*@");
    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)((?:password|pass|pwd)=)[^&;\\s]*");

    private SecretMasker() {
    }

    public static String maskUrl(String url) {
        if (url == null) {
            return null;
        }
        return PASSWORD_PARAM.matcher(USER_INFO.matcher(url).replaceAll("$1:***@")).replaceAll("$1***");
    }

    /** Masks URLs in free text and every occurrence of a known secret. */
    public static String mask(String text, String secret) {
        if (text == null) {
            return null;
        }
        String masked = maskUrl(text);
        if (secret != null && secret.length() >= 1) {
            masked = masked.replace(secret, "***");
        }
        return masked;
    }
}
