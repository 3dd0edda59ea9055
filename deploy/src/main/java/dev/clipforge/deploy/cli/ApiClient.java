package dev.clipforge.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clipforge.api.tenancy.FirstAdminKey;
import dev.clipforge.common.config.ClipforgeProperties;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/** The REST API as the command line uses it: the same endpoints any client calls, with its API key. */
final class ApiClient {
    private final String base;
    private final String apiKey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final ObjectMapper json = new ObjectMapper();

    /** @param apiKey the bearer key; null when the server runs with auth disabled */
    ApiClient(String base, String apiKey) {
        this.base = base.replaceAll("/+$", "");
        this.apiKey = apiKey;
    }

    /**
     * A client of a stack started in this process: it signs in with the admin key the first start of the data
     * directory wrote, unless {@code apiKey} is given.
     */
    static ApiClient embedded(ConfigurableApplicationContext stack, String apiKey) {
        String base = "http://127.0.0.1:" + stack.getEnvironment().getProperty("local.server.port");
        ClipforgeProperties properties = stack.getBean(ClipforgeProperties.class);
        if (apiKey != null || properties.authDisabled()) {
            return new ApiClient(base, apiKey);
        }
        Path file = properties.dataDir().resolve(FirstAdminKey.FILE);
        try {
            return new ApiClient(base, Files.readString(file).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("no API key: " + file + " (written at the data directory's first start) cannot be"
                    + " read; pass one with --api-key or CLIPFORGE_API_KEY", e);
        }
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri);
        return apiKey == null ? b : b.header("Authorization", "Bearer " + apiKey);
    }

    /** An API error, with the problem's message and how to fix it when the server gave one. */
    static final class ApiError extends RuntimeException {
        final int status;

        ApiError(int status, JsonNode problem) {
            super("HTTP " + status + ": " + problem.path("error").asText(problem.toString())
                    + (problem.hasNonNull("how_to_fix") ? " (" + problem.path("how_to_fix").asText() + ")" : ""));
            this.status = status;
        }
    }

    JsonNode get(String path) {
        return send(request(uri(path)).timeout(Duration.ofSeconds(90)).GET().build());
    }

    JsonNode post(String path, Object body) {
        try {
            return send(request(uri(path)).timeout(Duration.ofSeconds(90))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Streams a file (and an optional transcript) as multipart/form-data, never holding the video in memory. */
    JsonNode upload(String projectId, Path file, Path transcript) {
        String boundary = "clipforge-" + UUID.randomUUID();
        List<InputStream> parts = new java.util.ArrayList<>();
        parts.add(text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"project_id\"\r\n\r\n" + projectId + "\r\n"));
        parts.add(text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + file.getFileName().toString().replace("\"", "") + "\"\r\nContent-Type: application/octet-stream\r\n\r\n"));
        parts.add(lazy(file));
        if (transcript != null) {
            parts.add(text("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"transcript\"; filename=\""
                    + transcript.getFileName().toString().replace("\"", "") + "\"\r\nContent-Type: text/plain\r\n\r\n"));
            parts.add(lazy(transcript));
        }
        parts.add(text("\r\n--" + boundary + "--\r\n"));
        HttpRequest request = request(uri("/v1/assets")).timeout(Duration.ofHours(1))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(Collections.enumeration(parts))))
                .build();
        return send(request);
    }

    /** Follows the short download link's redirect and saves the file. */
    void download(String url, Path target) {
        try {
            HttpResponse<Void> redirect = http.send(request(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            String location = redirect.statusCode() == 302 ? redirect.headers().firstValue("Location").orElseThrow() : url;
            HttpResponse<Path> r = http.send(HttpRequest.newBuilder(URI.create(location)).GET().build(),
                    HttpResponse.BodyHandlers.ofFile(target));
            if (r.statusCode() != 200) {
                throw new IOException("download of " + target.getFileName() + " answered HTTP " + r.statusCode());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode send(HttpRequest request) {
        try {
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            JsonNode body = r.body().length == 0 ? json.createObjectNode() : json.readTree(r.body());
            if (r.statusCode() >= 400) {
                throw new ApiError(r.statusCode(), body);
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach ClipForge at " + base + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Opens the file only when the request body reaches it. */
    private static InputStream lazy(Path file) {
        return new InputStream() {
            private InputStream in;

            private InputStream in() throws IOException {
                if (in == null) {
                    in = Files.newInputStream(file);
                }
                return in;
            }

            @Override
            public int read() throws IOException {
                return in().read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return in().read(b, off, len);
            }

            @Override
            public void close() throws IOException {
                if (in != null) {
                    in.close();
                }
            }
        };
    }
}
