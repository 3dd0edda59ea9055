package dev.clipforge.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipforge.activities.media.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Ingest behaviour that depends on settings: short-lived upload URLs and a configured YouTube downloader. */
class IngestSettingsTest {
    static Stack stack;
    static Api api;
    @TempDir
    static Path dir;
    static Path video;

    @BeforeAll
    static void start() throws Exception {
        video = Fixtures.countingVideo(dir, 3, 25);
        // stands in for yt-dlp: "downloads" by copying a known file to the output path
        Path downloader = dir.resolve("fake-yt-dlp");
        Files.writeString(downloader, "#!/bin/sh\n# args: url output\ncp '" + video + "' \"$2\"\n");
        Files.setPosixFilePermissions(downloader, PosixFilePermissions.fromString("rwxr-xr-x"));
        stack = Stack.start(dir.resolve("data"),
                "--clipforge.ingest.upload-url-ttl=2s",
                "--clipforge.ingest.upload-grace=1s",
                "--clipforge.ingest.youtube-downloader=" + downloader + " {url} {output}");
        stack.awaitHealthy(Duration.ofSeconds(90), "clipforge-cpu");
        api = new Api(stack);
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void expiredUploadUrlIsRefusedAndTheAssetFails() throws Exception {
        String project = api.createProject("expiry");
        JsonNode created = api.postJson("/v1/assets", Map.of("project_id", project, "filename", "late.mp4",
                "content_type", "video/mp4", "size_bytes", Files.size(video)), 201);
        Stack.sleep(3_000);
        var put = AssetIngestTest.put(created.path("upload_url").asText(), "video/mp4", Files.readAllBytes(video));
        assertThat(put.statusCode()).isEqualTo(403);
        assertThat(put.body()).contains("expired");

        JsonNode asset = api.awaitAssetSettled(created.path("asset_id").asText());
        assertThat(asset.path("status").asText()).isEqualTo("failed");
        assertThat(asset.path("error").path("code").asText()).isEqualTo("upload_expired");
        assertThat(asset.path("error").path("how_to_fix").asText()).contains("POST /v1/assets");
    }

    @Test
    void youtubeSourcesRunTheConfiguredDownloader() {
        String project = api.createProject("youtube");
        JsonNode created = api.postJson("/v1/assets", Map.of("project_id", project,
                "youtube_url", "https://www.youtube.com/watch?v=abc123"), 201);
        JsonNode asset = api.awaitAssetSettled(created.path("asset_id").asText());
        assertThat(asset.path("status").asText()).isEqualTo("ready");
        assertThat(asset.path("source").path("kind").asText()).isEqualTo("youtube");
        assertThat(asset.path("probe").path("duration_seconds").asDouble()).isBetween(2.9, 3.1);

        JsonNode notYoutube = api.postJson("/v1/assets", Map.of("project_id", project,
                "youtube_url", "https://example.com/watch?v=abc"), 422);
        assertThat(notYoutube.path("reason").asText()).isEqualTo("url_invalid");
    }
}
