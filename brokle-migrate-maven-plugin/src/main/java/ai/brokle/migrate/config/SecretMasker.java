package ai.brokle.migrate.config;

import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Removes credentials from anything that may reach a log, an error message or a stack trace. */
public final class SecretMasker {

    /**
     * {@code //user:password@}: the password runs to the last '@' of the URL, so an unencoded '@', '/', '?' or '#'
     * in it is hidden too (an '@' in a query is hidden with it: better too much than a part of a password).
     */
    private static final Pattern USER_INFO = Pattern.compile("(//[^/@:?#\\s]*):\\S*@");
    private static final Pattern PASSWORD_PARAM = Pattern.compile(
            "(?i)((?:password|passwd|pass|pwd|secret|token)=)[^&;\\s]*");

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
        return maskAll(text, secret == null ? List.of() : List.of(secret));
    }

    /** Masks URLs in free text and every occurrence of each known secret. */
    public static String maskAll(String text, Collection<String> secrets) {
        if (text == null) {
            return null;
        }
        String masked = maskUrl(text);
        for (String secret : secrets) {
            if (secret != null && !secret.isEmpty()) {
                masked = masked.replace(secret, "***");
            }
        }
        return masked;
    }

    /**
     * A copy of an exception and its causes (and suppressed ones) with every message masked, for keeping as the
     * cause of an error that may be printed with its stack trace ({@code mvn -e}). Class names and stack frames are
     * kept; the copies are plain runtime exceptions that print as the originals' class names.
     */
    public static Throwable maskedCopy(Throwable original, Collection<String> secrets) {
        return original == null ? null : copy(original, secrets, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static Throwable copy(Throwable original, Collection<String> secrets, Set<Throwable> seen) {
        seen.add(original);
        Throwable cause = original.getCause();
        MaskedException copy = new MaskedException(original.getClass().getName(),
                maskAll(original.getMessage(), secrets),
                cause == null || seen.contains(cause) ? null : copy(cause, secrets, seen));
        copy.setStackTrace(original.getStackTrace());
        for (Throwable suppressed : original.getSuppressed()) {
            if (!seen.contains(suppressed)) {
                copy.addSuppressed(copy(suppressed, secrets, seen));
            }
        }
        return copy;
    }

    /** Stands in for an exception whose message held a secret; prints as the original class. */
    private static final class MaskedException extends RuntimeException {

        private final String originalClass;

        MaskedException(String originalClass, String maskedMessage, Throwable maskedCause) {
            super(maskedMessage, maskedCause);
            this.originalClass = originalClass;
        }

        @Override
        public String toString() {
            return getMessage() == null ? originalClass : originalClass + ": " + getMessage();
        }
    }
}
