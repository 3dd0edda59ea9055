package dev.clipforge.api.error;

/** Field names as clients send them (snake_case), for error messages. */
final class Names {
    private Names() {
    }

    static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
