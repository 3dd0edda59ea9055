package dev.clipforge.deploy;

import dev.clipforge.api.tenancy.FirstAdminKey;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The launcher's whole embedded stack, started in this JVM on a data directory and a free HTTP port. */
public final class Stack implements AutoCloseable {
    private final ConfigurableApplicationContext context;
    private final Path dataDir;

    private Stack(ConfigurableApplicationContext context, Path dataDir) {
        this.context = context;
        this.dataDir = dataDir;
    }

    public static Stack start(Path dataDir, String... extraArgs) {
        List<String> args = new ArrayList<>(List.of(
                "--clipforge.data-dir=" + dataDir,
                "--clipforge.http.port=0",
                "--clipforge.workers.heartbeat-interval=1s"));
        args.addAll(List.of(extraArgs));
        return new Stack(ClipforgeMain.start(args.toArray(String[]::new)), dataDir);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    /** A client signed in with the admin key of the data directory (the default organisation's admin). */
    public WebTestClient http() {
        return http(adminKey());
    }

    /** A client signed in with {@code apiKey}; null = no Authorization header. */
    public WebTestClient http(String apiKey) {
        WebTestClient.Builder b = WebTestClient.bindToServer().baseUrl(baseUrl()).responseTimeout(Duration.ofSeconds(90));
        if (apiKey != null) {
            b.defaultHeader("Authorization", "Bearer " + apiKey);
        }
        return b.build();
    }

    /** The admin key the first start of the data directory wrote; null when auth is disabled. */
    public String adminKey() {
        Path file = dataDir.resolve(FirstAdminKey.FILE);
        try {
            return Files.exists(file) ? Files.readString(file).strip() : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public Path dataDir() {
        return dataDir;
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    /** Polls /v1/health until it answers 200. */
    public void awaitHealthy(Duration timeout) {
        awaitHealthy(timeout, null);
    }

    /** Polls /v1/health until it answers 200, or until the services and the named queue are up. */
    public void awaitHealthy(Duration timeout, String queue) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            var result = http(null).get().uri("/v1/health").exchange().expectBody(String.class).returnResult();
            if (result.getStatus().value() == 200) {
                return;
            }
            last = result.getResponseBody();
            if (queue != null && last != null && last.contains("\"" + queue + "\":{\"status\":\"up\"")
                    && !last.contains("\"database\":{\"status\":\"down") && !last.contains("\"temporal\":{\"status\":\"down")) {
                return;
            }
            sleep(250);
        }
        throw new AssertionError("not healthy within " + timeout + ": " + last);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
