package dev.clipforge.api.page;

import dev.clipforge.api.error.ApiException;

/** {@code limit} (1..100, default 20) and {@code offset} (>= 0, default 0) of a collection request. */
public record PageRequest(int limit, long offset) {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public static PageRequest of(String limit, String offset) {
        int l = parse("limit", limit, DEFAULT_LIMIT);
        long o = parse("offset", offset, 0);
        if (l < 1 || l > MAX_LIMIT) {
            throw ApiException.badRequest("limit must be between 1 and " + MAX_LIMIT + ", got " + l);
        }
        if (o < 0) {
            throw ApiException.badRequest("offset must be >= 0, got " + o);
        }
        return new PageRequest(l, o);
    }

    private static int parse(String name, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " must be an integer, got '" + value + "'");
        }
    }
}
