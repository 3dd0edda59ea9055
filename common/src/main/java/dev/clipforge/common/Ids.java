package dev.clipforge.common;

import java.security.SecureRandom;

/** Prefixed, random, URL-safe identifiers ({@code clp_}, {@code ast_}, ...). */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "0123456789abcdefghijkmnopqrstuvwxyz".toCharArray();
    /** 16 characters of a 35-letter alphabet: about 82 bits, enough that ids never collide in practice. */
    private static final int LENGTH = 16;

    public static final String PROJECT = "prj";
    public static final String ASSET = "ast";
    public static final String CLIP = "clp";
    public static final String SUGGESTION = "sug";
    public static final String EXPORT = "exp";

    private Ids() {
    }

    public static String next(String prefix) {
        char[] out = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return prefix + "_" + new String(out);
    }

    /** True when {@code id} looks like an id of this kind; used to reject garbage before touching storage. */
    public static boolean looksLike(String prefix, String id) {
        return id != null && id.length() <= 64 && id.startsWith(prefix + "_")
                && id.substring(prefix.length() + 1).chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
    }
}
