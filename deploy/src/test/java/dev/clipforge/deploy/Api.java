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
        this.http = stack.http();
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

    public JsonNode awaitAssetSettled(String assetId) {
        return awaitAsset(assetId, a -> a.path("status").asText().equals("ready") || a.path("status").asText().equals("failed"),
                Duration.ofSeconds(90));
    }
}
