package dev.clipforge.api.tenancy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shape of an API key: {@code cfk_<8-character prefix>_<40-character secret>}. The prefix finds the key's row
 * and is safe to show; only a SHA-256 of the whole key is stored. The secret carries about 238 random bits, so a
 * plain digest (no slow hash) is enough: there is nothing to guess from it.
 */
final class ApiKeyTokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] PREFIX_ALPHABET = "0123456789abcdefghijkmnopqrstuvwxyz".toCharArray();
    private static final char[] SECRET_ALPHABET =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final Pattern SHAPE = Pattern.compile("(cfk_[0-9a-z]{8})_([0-9A-Za-z]{40})");

    private ApiKeyTokens() {
    }

    /** A new key: its prefix and the whole key. */
    record Generated(String prefix, String key) {
    }

    static Generated generate() {
        String prefix = "cfk_" + random(PREFIX_ALPHABET, 8);
        return new Generated(prefix, prefix + "_" + random(SECRET_ALPHABET, 40));
    }

    /** The prefix of a well-formed key, or null for anything else. */
    static String prefixOf(String key) {
        Matcher m = SHAPE.matcher(key);
        return m.matches() ? m.group(1) : null;
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compares digests in constant time, so response timing tells nothing about how much of a key matched. */
    static boolean matches(String key, String storedHash) {
        return MessageDigest.isEqual(hash(key).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    private static String random(char[] alphabet, int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = alphabet[RANDOM.nextInt(alphabet.length)];
        }
        return new String(out);
    }
}
