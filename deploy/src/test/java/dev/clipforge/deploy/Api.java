package dev.clipforge.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

/** Small helpers over the REST API for tests. */
public final class Api {
    private final WebTestClient http;

    public Api(Stack stack) {
        this(stack.http());
    }

    /** The API as the holder of another key sees it. */
    public Api(WebTestClient http) {
        this.http = http;
    }

    public WebTestClient http() {
        return http;
    }

    public String createProject(String name) {
        return postJson("/v1/projects", Map.of("name", name), 201).path("project_id").asText();
    }

    public JsonNode postJson(String path, Object body, int expectedStatus) {
        return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isEqualTo(expectedStatus).expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    public JsonNode get(String path, int expectedStatus) {
        return http.get().uri(path).exchange().expectStatus().isEqualTo(expectedStatus)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    public JsonNode awaitAsset(String assetId, Predicate<JsonNode> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = get("/v1/assets/" + assetId, 200);
            if (condition.test(last)) {
                return last;
            }
            Stack.sleep(200);
        }
        throw new AssertionError("asset " + assetId + " did not reach the expected state in " + timeout + ": " + last);
    }

    /** Streams a file as a multipart upload and waits until the asset is ready or failed. */
    public JsonNode upload(String projectId, java.nio.file.Path file) {
        org.springframework.http.client.MultipartBodyBuilder form = new org.springframework.http.client.MultipartBodyBuilder();
        form.part("project_id", projectId);
        form.part("file", new org.springframework.core.io.FileSystemResource(file)).contentType(MediaType.parseMediaType("video/mp4"));
        JsonNode created = http.post().uri("/v1/assets").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(org.springframework.web.reactive.function.BodyInserters.fromMultipartData(form.build())).exchange()
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        return awaitAssetSettled(created.path("asset_id").asText());
    }

    /** Long-polls a clip until {@code condition} holds (each poll waits for the next snapshot). */
    public JsonNode awaitClip(String clipId, Predicate<JsonNode> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long version = -1;
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = get("/v1/clips/" + clipId + "?wait_seconds=20&since_version=" + Math.max(0, version), 200);
            if (condition.test(last)) {
                return last;
            }
            version = last.path("state_version").asLong();
        }
        throw new AssertionError("clip " + clipId + " did not reach the expected state in " + timeout + ": " + last);
    }

    /** Until {@code next_action} is one of {@code actions}. */
    public JsonNode awaitNextAction(String clipId, String... actions) {
        java.util.Set<String> wanted = java.util.Set.of(actions);
        return awaitClip(clipId, c -> wanted.contains(c.path("next_action").asText()), Duration.ofMinutes(8));
    }

    public JsonNode awaitAssetSettled(String assetId) {
        return awaitAsset(assetId, a -> a.path("status").asText().equals("ready") || a.path("status").asText().equals("failed"),
                Duration.ofSeconds(90));
    }
}
