package dev.clipforge.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipforge.common.store.ObjectStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;

import dev.clipforge.api.tenancy.FirstAdminKey;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedStackTest {

    @Test
    void secondStartOnTheSameDataDirectoryKeepsRowsAndObjects(@TempDir Path dataDir) throws Exception {
        String projectId;
        String adminKey;
        try (Stack first = Stack.start(dataDir)) {
            first.awaitHealthy(Duration.ofSeconds(60));
            // the first start of a data directory makes the admin key, kept owner-only in it
            Path keyFile = dataDir.resolve(FirstAdminKey.FILE);
            adminKey = Files.readString(keyFile).strip();
            assertThat(adminKey).matches("cfk_[0-9a-z]{8}_[0-9A-Za-z]{40}");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
            first.http(null).get().uri("/v1/projects").exchange().expectStatus().isUnauthorized();
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
            // no second admin key: the first still works, and the file still holds it
            assertThat(Files.readString(dataDir.resolve(FirstAdminKey.FILE)).strip()).isEqualTo(adminKey);
            JsonNode keys = second.http(adminKey).get().uri("/v1/api-keys").exchange().expectStatus().isOk()
                    .expectBody(JsonNode.class).returnResult().getResponseBody();
            assertThat(keys.path("pagination").path("total").asLong()).isEqualTo(1);
            assertThat(keys.path("items").get(0).path("role").asText()).isEqualTo("admin");
            assertThat(keys.path("items").get(0).path("prefix").asText()).isEqualTo(adminKey.substring(0, 12));
            assertThat(keys.toString()).doesNotContain(adminKey);
            second.http().get().uri("/v1/projects/{id}", projectId).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.name").isEqualTo("kept across restarts");
            byte[] object = second.bean(ObjectStore.class).getBytes("restart-check/object.txt");
            assertThat(new String(object, StandardCharsets.UTF_8)).isEqualTo("still here");
        }
    }
}
