package dev.clipforge.common.config;

/**
 * Whether the API and MCP endpoint require API keys. {@code disabled} is a development mode: every caller acts
 * as the admin of the default organisation, so the server refuses to listen beyond loopback.
 */
public enum AuthMode {
    ENABLED, DISABLED;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
