package ai.brokle.migrate.seed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * ULIDs (26 characters, Crockford base32: 48-bit millisecond time, 80 bits of randomness) for rows that leave out
 * their id. Seeds need the same id every run, so the 80 bits come from a hash of the row, not from a random source.
 */
final class Ulid {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private Ulid() {
    }

    /** A ULID with the given time and the first 80 bits of SHA-256({@code seed}) as its random part. */
    static String derived(long epochMillis, String seed) {
        byte[] hash = sha256(seed);
        byte[] bytes = new byte[16];
        long time = Math.max(0, Math.min(epochMillis, (1L << 48) - 1));
        for (int i = 0; i < 6; i++) {
            bytes[i] = (byte) (time >>> (8 * (5 - i)));
        }
        System.arraycopy(hash, 0, bytes, 6, 10);
        return encode(bytes);
    }

    /** Crockford base32 of 128 bits: 26 characters, the first carrying the top 3 bits. */
    static String encode(byte[] bytes) {
        char[] out = new char[26];
        java.math.BigInteger value = new java.math.BigInteger(1, bytes);
        for (int i = 25; i >= 0; i--) {
            out[i] = ALPHABET[value.intValue() & 31];
            value = value.shiftRight(5);
        }
        return new String(out);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
