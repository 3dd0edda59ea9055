package dev.clipforge.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipforge.activities.media.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behaviour that depends on settings, on a stack of its own: short-lived upload and download URLs, and a
 * configured YouTube downloader.
 */
class ShortLivedUrlsTest {
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
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
                "--clipforge.s3.presign-ttl=3s",
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
        RefusedUpload put = RefusedUpload.put(created.path("upload_url").asText(), "video/mp4", Files.size(video));
        assertThat(put.status()).isEqualTo(403);
        assertThat(put.body()).contains("expired");

        JsonNode asset = api.awaitAssetSettled(created.path("asset_id").asText());
        assertThat(asset.path("status").asText()).isEqualTo("failed");
        assertThat(asset.path("error").path("code").asText()).isEqualTo("upload_expired");
        assertThat(asset.path("error").path("how_to_fix").asText()).contains("POST /v1/assets");
    }

    @Test
    void anExpiredDownloadUrlIsRefusedWhileTheShortLinkPresignsAFreshOne() throws Exception {
        String project = api.createProject("download expiry");
        String asset = api.upload(project, video).path("asset_id").asText();
        String clip = api.postJson("/v1/clips", Map.of("source", Map.of("source_type", "asset", "asset_id", asset),
                "selection", Map.of("selection_mode", "time_range", "start_seconds", 0.5, "end_seconds", 2.5),
                "target", Map.of("min_duration_seconds", 1, "max_duration_seconds", 5),
                "export", Map.of("auto_export", true, "quality", "720p")), 201).path("clip_id").asText();
        JsonNode exported = api.awaitNextAction(clip, "stop", "reselect", "repair");
        assertThat(exported.path("status").asText()).as(exported.toString()).isEqualTo("exported");
        JsonNode export = exported.path("export");
        String direct = export.path("download_url").asText();
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(direct)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode()).as("fresh").isEqualTo(200);

        // exporting the same window, layout, captions and quality again is the same object
        JsonNode again = api.postJson("/v1/clips/" + clip + "/export", Map.of("quality", "720p"), 200);
        JsonNode settled = api.awaitNextAction(clip, "stop", "reselect", "repair");
        assertThat(settled.path("export").path("export_id").asText()).isEqualTo(export.path("export_id").asText());
        assertThat(settled.path("export").path("size_bytes").asLong()).isEqualTo(export.path("size_bytes").asLong());
        assertThat(again.path("status").asText()).isIn("exported", "exporting");

        Stack.sleep(4_000);
        HttpResponse<String> expired = HTTP.send(HttpRequest.newBuilder(URI.create(direct)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(expired.body()).contains("expired");

        HttpResponse<Void> redirect = HTTP.send(HttpRequest.newBuilder(URI.create(export.path("short_download_url").asText()))
                .header("Authorization", "Bearer " + stack.adminKey()).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(redirect.statusCode()).isEqualTo(302);
        HttpResponse<byte[]> fresh = HTTP.send(HttpRequest.newBuilder(URI.create(redirect.headers().firstValue("Location")
                .orElseThrow())).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(fresh.statusCode()).isEqualTo(200);
        assertThat(fresh.body().length).isEqualTo(export.path("size_bytes").asInt());
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
