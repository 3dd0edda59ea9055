package dev.clipforge.common.config;

import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param url            JDBC URL of an external Postgres (jdbc:postgresql://host:5432/db); empty = embedded Postgres
 * @param username       user for the external database
 * @param password       password for the external database
 * @param embeddedPort   port of the embedded Postgres on loopback; 0 = any free port
 * @param connectTimeout how long to try reaching the database at start before giving up
 * @param poolSize       connections per pool (one JDBC pool for workers and migrations, one R2DBC pool for the API)
 */
public record DatabaseSettings(
        @DefaultValue("") String url,
        @DefaultValue("clipforge") String username,
        @DefaultValue("") String password,
        @DefaultValue("0") int embeddedPort,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("10") int poolSize) {

    public boolean embedded() {
        return url.isBlank();
    }
}
