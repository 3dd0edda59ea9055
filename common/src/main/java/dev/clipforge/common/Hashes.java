package dev.clipforge.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Short content hashes for content-addressed object names. */
public final class Hashes {
    private Hashes() {
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first 16 hex digits of the SHA-256: enough to tell artifacts of one clip apart. */
    public static String short16(byte[] bytes) {
        return sha256(bytes).substring(0, 16);
    }

    public static String short16(String text) {
        return short16(text.getBytes(StandardCharsets.UTF_8));
    }
}
