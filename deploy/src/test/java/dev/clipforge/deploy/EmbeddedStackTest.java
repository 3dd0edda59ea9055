package dev.clipforge.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipforge.common.store.ObjectStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedStackTest {

    @Test
    void secondStartOnTheSameDataDirectoryKeepsRowsAndObjects(@TempDir Path dataDir) {
        String projectId;
        try (Stack first = Stack.start(dataDir)) {
            first.awaitHealthy(Duration.ofSeconds(60));
            JsonNode health = first.http().get().uri("/v1/health").exchange()
                    .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
            assertThat(health.path("status").asText()).isEqualTo("up");
            for (String check : new String[]{"database", "temporal", "object_store"}) {
                assertThat(health.path("checks").path(check).path("status").asText()).as(check).isEqualTo("up");
            }
            assertThat(health.path("checks").path("face_detection").path("detail").asText()).isEqualTo("blazeface");
            assertThat(health.path("checks").path("transcription").path("detail").asText()).isEqualTo("sphinx");
            assertThat(health.path("checks").path("active_speaker").path("detail").asText()).isEqualTo("heuristic");
            assertThat(health.path("checks").path("suggestions").path("detail").asText())
                    .isEqualTo("features + all-MiniLM-L6-v2 (in process) topics");
            assertThat(health.path("task_queues").path("clipforge-cpu").path("pollers")).isNotEmpty();
            assertThat(health.path("task_queues").path("clipforge-gpu").path("pollers")).isNotEmpty();

            projectId = first.http().post().uri("/v1/projects").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("name", "kept across restarts")).exchange()
                    .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                    .path("project_id").asText();
            first.bean(ObjectStore.class).put("restart-check/object.txt", "still here".getBytes(StandardCharsets.UTF_8), "text/plain");
        }

        try (Stack second = Stack.start(dataDir)) {
            second.awaitHealthy(Duration.ofSeconds(60));
            second.http().get().uri("/v1/projects/{id}", projectId).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.name").isEqualTo("kept across restarts");
            byte[] object = second.bean(ObjectStore.class).getBytes("restart-check/object.txt");
            assertThat(new String(object, StandardCharsets.UTF_8)).isEqualTo("still here");
        }
    }
}
