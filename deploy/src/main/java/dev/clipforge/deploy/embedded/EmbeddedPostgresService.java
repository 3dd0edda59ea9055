package dev.clipforge.deploy.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/** A real Postgres 17 server on loopback whose data directory survives restarts. */
public final class EmbeddedPostgresService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresService.class);
    public static final String DATABASE = "clipforge";
    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresService(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static EmbeddedPostgresService start(Path dataDir, int port) {
        Path root = dataDir.resolve("postgres");
        try {
            Files.createDirectories(root.resolve("runtime"));
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(root.resolve("data"))
                    .setOverrideWorkingDirectory(root.resolve("runtime").toFile())
                    .setCleanDataDirectory(false)
                    // the launcher closes it after the connection pools, in its own order
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(root.resolve("postgres.log").toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(root.resolve("postgres.log").toFile()));
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres pg = builder.start();
            createDatabaseIfMissing(pg);
            log.info("embedded Postgres on 127.0.0.1:{} (data in {})", pg.getPort(), root.resolve("data"));
            return new EmbeddedPostgresService(pg);
        } catch (IOException e) {
            throw new UncheckedIOException("embedded Postgres did not start (log: " + root.resolve("postgres.log") + ")", e);
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres pg) throws IOException {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            var rs = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
            if (!rs.next()) {
                s.execute("create database " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IOException("cannot create database " + DATABASE, e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
