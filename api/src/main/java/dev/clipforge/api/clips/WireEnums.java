package dev.clipforge.api.clips;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.clipforge.api.error.ApiException;

import java.util.ArrayList;
import java.util.List;

/** Enum values as clients write them ({@code auto_best}, {@code 1080p}), with a helpful error for others. */
final class WireEnums {
    private WireEnums() {
    }

    static <E extends Enum<E>> E parse(String value, Class<E> type, String field, E fallback) {
        if (value == null) {
            return fallback;
        }
        List<String> allowed = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            String wire = wire(e);
            allowed.add(wire);
            if (wire.equals(value)) {
                return e;
            }
        }
        throw ApiException.unprocessable(field + " must be one of " + allowed + ", not '" + value + "'");
    }

    static String wire(Enum<?> e) {
        try {
            JsonProperty p = e.getDeclaringClass().getField(e.name()).getAnnotation(JsonProperty.class);
            return p == null ? e.name().toLowerCase(java.util.Locale.ROOT) : p.value();
        } catch (NoSuchFieldException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
