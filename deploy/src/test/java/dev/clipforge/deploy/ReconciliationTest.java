package dev.clipforge.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipforge.common.store.ObjectStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded Temporal keeps history in memory: runs in flight when the process stops must carry on
 * after a restart, not poll forever.
 */
class ReconciliationTest {

    @Test
    void runsAndIngestsInFlightAtShutdownCarryOnAfterARestart(@TempDir Path dataDir) throws Exception {
        Path video = TestVideos.podcast().file();
        String clipId;
        String assetId;
        String objectKey;
        long versionBefore;
        try (Stack first = Stack.start(dataDir)) {
            first.awaitHealthy(Duration.ofSeconds(60));
            Api api = new Api(first);
            String project = api.createProject("restart");
            JsonNode upload = api.postJson("/v1/assets", Map.of("project_id", project, "filename", "p.mp4",
                    "content_type", "video/mp4", "size_bytes", Files.size(video)), 201);
            assetId = upload.path("asset_id").asText();
            objectKey = "projects/" + project + "/assets/" + assetId + "/source";
            JsonNode run = api.postJson("/v1/clips", Map.of("source", Map.of("source_type", "asset", "asset_id", assetId),
                    "target", Map.of("max_duration_seconds", 20, "min_duration_seconds", 8)), 201);
            clipId = run.path("clip_id").asText();
            JsonNode waiting = api.awaitClip(clipId, c -> c.path("state_version").asLong() >= 1, Duration.ofSeconds(30));
            assertThat(waiting.path("blocking_reason").asText()).isEqualTo("source_not_ready");
            versionBefore = waiting.path("state_version").asLong();
        }

        try (Stack second = Stack.start(dataDir)) {
            second.awaitHealthy(Duration.ofSeconds(60));
            Api api = new Api(second);
            // the upload URL of the first life named the old store port: put the bytes directly, then complete
            second.bean(ObjectStore.class).put(objectKey, video, "video/mp4");
            api.postJson("/v1/assets/" + assetId + "/complete", Map.of(), 200);
            assertThat(api.awaitAssetSettled(assetId).path("status").asText()).isEqualTo("ready");

            JsonNode resumed = api.awaitNextAction(clipId, "export", "reselect", "repair", "stop");
            assertThat(resumed.path("status").asText()).isEqualTo("ready");
            assertThat(resumed.path("state_version").asLong()).isGreaterThan(versionBefore);
        }
    }
}
