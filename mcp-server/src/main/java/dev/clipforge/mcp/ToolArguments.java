package dev.clipforge.mcp;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A tool call's arguments, read with the checks a JSON schema would make, so that a wrong argument becomes a
 * {@code bad_argument} tool error naming the argument instead of a server error.
 */
final class ToolArguments {
    private final Map<String, Object> values;

    ToolArguments(Map<String, Object> values, Set<String> known) {
        this.values = values == null ? Map.of() : values;
        List<String> unknown = this.values.keySet().stream().filter(k -> !known.contains(k)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new BadArgument(unknown.get(0), "is not an argument of this tool; known arguments: "
                    + known.stream().sorted().toList());
        }
    }

    String requiredString(String name) {
        String v = string(name);
        if (v == null) {
            throw new BadArgument(name, "is required");
        }
        return v;
    }

    String string(String name) {
        Object v = values.get(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw new BadArgument(name, "must be a string, got " + describe(v));
        }
        if (s.isBlank()) {
            throw new BadArgument(name, "must not be empty");
        }
        if (s.length() > 4096) {
            throw new BadArgument(name, "is longer than 4096 characters");
        }
        return s.strip();
    }

    String oneOf(String name, List<String> allowed) {
        String v = string(name);
        if (v != null && !allowed.contains(v)) {
            throw new BadArgument(name, "must be one of " + allowed + ", got '" + v + "'");
        }
        return v;
    }

    Double number(String name, double min, double max) {
        Object v = values.get(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Number n) || Double.isNaN(n.doubleValue())) {
            throw new BadArgument(name, "must be a number, got " + describe(v));
        }
        double d = n.doubleValue();
        if (d < min || d > max) {
            throw new BadArgument(name, "must be between " + min + " and " + max + ", got " + d);
        }
        return d;
    }

    Long integer(String name, long min, long max) {
        Double d = number(name, min, max);
        if (d == null) {
            return null;
        }
        if (d != Math.rint(d)) {
            throw new BadArgument(name, "must be a whole number, got " + d);
        }
        return d.longValue();
    }

    Boolean bool(String name) {
        Object v = values.get(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Boolean b)) {
            throw new BadArgument(name, "must be true or false, got " + describe(v));
        }
        return b;
    }

    private static String describe(Object v) {
        return v instanceof String s ? "'" + s + "'" : v.getClass().getSimpleName().toLowerCase() + " " + v;
    }

    /** An argument the tool cannot use; becomes an {@code isError} result, never a protocol error. */
    static final class BadArgument extends RuntimeException {
        private final String argument;

        BadArgument(String argument, String problem) {
            super(argument + " " + problem);
            this.argument = argument;
        }

        String argument() {
            return argument;
        }
    }
}
