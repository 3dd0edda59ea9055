package dev.clipforge.common.config;

import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param target         host:port of a Temporal frontend; empty = the embedded Temporal test server (real time)
 * @param namespace      Temporal namespace the workflows run in
 * @param embeddedPort   port of the embedded Temporal server on loopback; 0 = any free port
 * @param connectTimeout how long to try reaching Temporal at start before giving up
 */
public record TemporalSettings(
        @DefaultValue("") String target,
        @DefaultValue("default") String namespace,
        @DefaultValue("0") int embeddedPort,
        @DefaultValue("10s") Duration connectTimeout) {

    public boolean embedded() {
        return target.isBlank();
    }
}
