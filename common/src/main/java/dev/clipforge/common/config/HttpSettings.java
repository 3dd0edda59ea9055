package dev.clipforge.common.config;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param host      address the API and MCP endpoint bind to; loopback unless an operator opens it
 * @param port      HTTP port of the API and MCP endpoint
 * @param publicUrl base URL clients use to reach the API (short download links); empty = http://host:port
 */
public record HttpSettings(
        @DefaultValue("127.0.0.1") String host,
        @DefaultValue("8080") int port,
        @DefaultValue("") String publicUrl) {

    public String baseUrl() {
        return publicUrl.isBlank() ? "http://" + host + ":" + port : publicUrl.replaceAll("/+$", "");
    }
}
