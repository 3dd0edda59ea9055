package dev.clipforge.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipforge.activities.media.Fixtures;
import dev.clipforge.common.store.ObjectStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.reactive.function.BodyInserters;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Projects and assets over the real embedded stack: every way in, and every bad input. */
class AssetIngestTest {
    static Stack stack;
    static Api api;
    static ObjectStore store;
    @TempDir
    static Path media;
    static Path video;

    @BeforeAll
    static void start() throws Exception {
        stack = SharedStack.get();
        api = new Api(stack);
        store = stack.bean(ObjectStore.class);
        video = Fixtures.countingVideo(media, 4, 25);
    }

    private static JsonNode multipart(String projectId, Path file, String contentType, int expectedStatus) {
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("project_id", projectId);
        form.part("file", new FileSystemResource(file)).contentType(MediaType.parseMediaType(contentType));
        return api.http().post().uri("/v1/assets").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(form.build())).exchange()
                .expectStatus().isEqualTo(expectedStatus).expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static JsonNode uploadAndSettle(String projectId, Path file, String contentType) {
        JsonNode created = multipart(projectId, file, contentType, 201);
        return api.awaitAssetSettled(created.path("asset_id").asText());
    }

    private static List<String> objectsOf(JsonNode asset) {
        return store.list("projects/" + asset.path("project_id").asText() + "/assets/" + asset.path("asset_id").asText() + "/");
    }

    private static void assertFailed(JsonNode asset, String code) {
        assertThat(asset.path("status").asText()).as(asset.toString()).isEqualTo("failed");
        assertThat(asset.path("error").path("code").asText()).isEqualTo(code);
        assertThat(asset.path("error").path("message").asText()).isNotBlank();
        assertThat(asset.path("error").path("how_to_fix").asText()).isNotBlank();
        assertThat(asset.path("error").path("retryable").asBoolean()).isFalse();
        // nothing half-written: at most the bytes the client sent, no derived media
        assertThat(objectsOf(asset)).allMatch(k -> k.endsWith("/source"));
    }

    @Test
    void multipartUploadIsProbedAndDerived() {
        String project = api.createProject("multipart");
        JsonNode asset = uploadAndSettle(project, video, "video/mp4");

        assertThat(asset.path("status").asText()).isEqualTo("ready");
        JsonNode probe = asset.path("probe");
        assertThat(probe.path("duration_seconds").asDouble()).isCloseTo(4, within(0.1));
        assertThat(probe.path("fps").asDouble()).isCloseTo(25, within(0.01));
        assertThat(probe.path("width").asInt()).isEqualTo(320);
        assertThat(probe.path("height").asInt()).isEqualTo(240);
        assertThat(probe.path("rotation").asInt()).isZero();
        assertThat(probe.path("video_codec").asText()).isEqualTo("h264");
        assertThat(probe.path("audio_codec").asText()).isEqualTo("aac");
        assertThat(probe.path("has_audio").asBoolean()).isTrue();
        assertThat(probe.path("has_video").asBoolean()).isTrue();
        assertThat(asset.path("size_bytes").asLong()).isEqualTo(video.toFile().length());
        assertThat(asset.path("derived").path("speech_audio").asText()).isEqualTo("ready");
        assertThat(objectsOf(asset)).anyMatch(k -> k.endsWith("speech-16k.wav")).anyMatch(k -> k.endsWith("poster.jpg"));
        byte[] poster = fetch(asset.path("derived").path("poster_url").asText());
        assertThat(poster).startsWith(0xFF, 0xD8);
    }

    @Test
    void identicalUploadInTheSameProjectReusesDerivedMedia() {
        String project = api.createProject("twins");
        JsonNode first = uploadAndSettle(project, video, "video/mp4");
        JsonNode second = uploadAndSettle(project, video, "video/mp4");
        assertThat(second.path("status").asText()).isEqualTo("ready");
        assertThat(second.path("derived").path("shared_from").asText()).isEqualTo(first.path("asset_id").asText());
        assertThat(objectsOf(second)).containsExactly(objectsOf(second).get(0)).allMatch(k -> k.endsWith("/source"));
    }

    @Test
    void videoWithoutAudioIsAccepted() throws Exception {
        String project = api.createProject("silent");
        JsonNode asset = uploadAndSettle(project, Fixtures.videoOnly(media, 2), "video/mp4");
        assertThat(asset.path("status").asText()).isEqualTo("ready");
        assertThat(asset.path("probe").path("has_audio").asBoolean()).isFalse();
        assertThat(asset.path("derived").path("speech_audio").asText()).isEqualTo("not_applicable");
    }

    @Test
    void badFilesFailWithTheirOwnCodes() throws Exception {
        String project = api.createProject("bad files");
        assertFailed(uploadAndSettle(project, Fixtures.randomBytes(media, 300_000), "video/mp4"), "unsupported_media");
        assertFailed(uploadAndSettle(project, Fixtures.truncated(video, media, 0.5), "video/mp4"), "truncated_media");
        assertFailed(uploadAndSettle(project, Fixtures.audioOnly(media, 2), "audio/mp4"), "no_video_stream");
        assertFailed(uploadAndSettle(project, Fixtures.textFile(media), "video/mp4"), "not_media");
    }

    @Test
    void emptyUploadIsRefusedAndLeavesNothing() throws Exception {
        String project = api.createProject("empty");
        Path empty = Files.createFile(media.resolve("zero.mp4"));
        JsonNode problem = multipart(project, empty, "video/mp4", 422);
        assertThat(problem.path("code").asText()).isEqualTo("unprocessable");
        assertThat(problem.path("reason").asText()).isEqualTo("empty_file");
        assertThat(store.list("projects/" + project + "/")).isEmpty();
        assertThat(api.get("/v1/assets?project_id=" + project, 200).path("count").asInt()).isZero();

        JsonNode presigned = api.postJson("/v1/assets", Map.of("project_id", project, "filename", "zero.mp4",
                "content_type", "video/mp4", "size_bytes", 0), 422);
        assertThat(presigned.path("reason").asText()).isEqualTo("empty_file");
    }

    @Test
    void overSizeMultipartUploadIsRefusedWhileStreaming() throws Exception {
        String project = api.createProject("too big");
        Path big = media.resolve("big.mp4");
        byte[] block = new byte[1 << 20];
        try (var out = Files.newOutputStream(big)) {
            for (int i = 0; i < SharedStack.MAX_UPLOAD_MB + 5; i++) {
                out.write(block);
            }
        }
        JsonNode problem = multipart(project, big, "video/mp4", 413);
        assertThat(problem.path("code").asText()).isEqualTo("too_large");
        assertThat(problem.path("error").asText()).contains(SharedStack.MAX_UPLOAD_MB + " MB");
        assertThat(store.list("projects/" + project + "/")).isEmpty();
        assertThat(api.get("/v1/assets?project_id=" + project, 200).path("count").asInt()).isZero();
    }

    @Test
    void presignedUploadIngestsOnceTheObjectAppears() throws Exception {
        String project = api.createProject("presigned");
        long size = Files.size(video);
        JsonNode created = api.postJson("/v1/assets", Map.of("project_id", project, "filename", "clip.mp4",
                "content_type", "video/mp4", "size_bytes", size), 201);
        assertThat(created.path("status").asText()).isEqualTo("awaiting_upload");
        assertThat(created.path("max_size_mb").asLong()).isEqualTo(SharedStack.MAX_UPLOAD_MB);
        assertThat(created.path("upload_expires_at").asText()).isNotBlank();
        String assetId = created.path("asset_id").asText();
        assertThat(api.get("/v1/assets/" + assetId, 200).path("status").asText()).isEqualTo("awaiting_upload");

        HttpResponse<String> put = put(created.path("upload_url").asText(), "video/mp4", Files.readAllBytes(video));
        assertThat(put.statusCode()).isEqualTo(200);
        JsonNode asset = api.awaitAssetSettled(assetId);
        assertThat(asset.path("status").asText()).isEqualTo("ready");
        assertThat(asset.path("source").path("kind").asText()).isEqualTo("presigned");
    }

    @Test
    void completeStartsIngestAndIsRefusedBeforeTheUpload() throws Exception {
        String project = api.createProject("complete");
        long size = Files.size(video);
        JsonNode created = api.postJson("/v1/assets", Map.of("project_id", project, "filename", "clip.mp4",
                "content_type", "video/mp4", "size_bytes", size), 201);
        String assetId = created.path("asset_id").asText();
        JsonNode early = api.postJson("/v1/assets/" + assetId + "/complete", Map.of(), 409);
        assertThat(early.path("code").asText()).isEqualTo("wrong_state");
        assertThat(early.path("how_to_fix").asText()).contains("upload_url");

        put(created.path("upload_url").asText(), "video/mp4", Files.readAllBytes(video));
        api.postJson("/v1/assets/" + assetId + "/complete", Map.of(), 200);
        assertThat(api.awaitAssetSettled(assetId).path("status").asText()).isEqualTo("ready");
    }

    @Test
    void presignedUploadRefusesMoreBytesThanDeclaredAndOversizeDeclarations() throws Exception {
        String project = api.createProject("presigned limits");
        JsonNode tooBig = api.postJson("/v1/assets", Map.of("project_id", project, "filename", "huge.mp4",
                "content_type", "video/mp4", "size_bytes", (SharedStack.MAX_UPLOAD_MB + 1L) * 1024 * 1024), 413);
        assertThat(tooBig.path("code").asText()).isEqualTo("too_large");

        JsonNode created = api.postJson("/v1/assets", Map.of("project_id", project, "filename", "clip.mp4",
                "content_type", "video/mp4", "size_bytes", 1000), 201);
        RefusedUpload put = RefusedUpload.put(created.path("upload_url").asText(), "video/mp4", 5000);
        assertThat(put.status()).isEqualTo(403);
        assertThat(store.exists("projects/" + project + "/assets/" + created.path("asset_id").asText() + "/source")).isFalse();
    }

    @Test
    void urlSourcesAreFetchedThroughTheGuard() throws Exception {
        try (MediaServer server = new MediaServer(video)) {
            String project = api.createProject("urls");
            JsonNode ok = api.postJson("/v1/assets", Map.of("project_id", project, "url", server.url("/moved")), 201);
            assertThat(api.awaitAssetSettled(ok.path("asset_id").asText()).path("status").asText()).isEqualTo("ready");

            JsonNode html = api.postJson("/v1/assets", Map.of("project_id", project, "url", server.url("/page.mp4")), 201);
            assertFailed(api.awaitAssetSettled(html.path("asset_id").asText()), "not_media");

            int before = server.videoRequests.get();
            JsonNode redirected = api.postJson("/v1/assets", Map.of("project_id", project, "url", server.url("/to-private")), 201);
            JsonNode blocked = api.awaitAssetSettled(redirected.path("asset_id").asText());
            assertFailed(blocked, "url_blocked");
            assertThat(blocked.path("error").path("message").asText()).contains("127.0.0.1").contains("loopback");
            assertThat(server.videoRequests.get()).isEqualTo(before);

            JsonNode metadata = api.postJson("/v1/assets", Map.of("project_id", project, "url", server.url("/to-metadata")), 201);
            assertThat(api.awaitAssetSettled(metadata.path("asset_id").asText()).path("error").path("message").asText())
                    .contains("cloud metadata");

            JsonNode endless = api.postJson("/v1/assets", Map.of("project_id", project, "url", server.url("/endless.mp4")), 201);
            assertFailed(api.awaitAssetSettled(endless.path("asset_id").asText()), "too_large");
        }
    }

    @Test
    void privateAndNonHttpUrlsAreRefusedAtOnce() {
        String project = api.createProject("blocked urls");
        Map<String, String> cases = Map.of(
                "http://127.0.0.1:9/v.mp4", "url_blocked",
                "http://169.254.169.254/latest/meta-data/", "url_blocked",
                "http://10.0.0.7/v.mp4", "url_blocked",
                "file:///etc/passwd", "url_scheme_not_allowed",
                "ftp://example.com/v.mp4", "url_scheme_not_allowed");
        cases.forEach((url, reason) -> {
            JsonNode problem = api.postJson("/v1/assets", Map.of("project_id", project, "url", url), 422);
            assertThat(problem.path("reason").asText()).as(url).isEqualTo(reason);
            assertThat(problem.path("how_to_fix").asText()).isNotBlank();
        });
        assertThat(api.get("/v1/assets?project_id=" + project, 200).path("count").asInt()).isZero();
    }

    @Test
    void youtubeWithoutADownloaderSaysHowToEnableIt() {
        String project = api.createProject("youtube");
        JsonNode problem = api.postJson("/v1/assets", Map.of("project_id", project,
                "youtube_url", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"), 422);
        assertThat(problem.path("reason").asText()).isEqualTo("youtube_disabled");
        assertThat(problem.path("how_to_fix").asText()).contains("yt-dlp").contains("CLIPFORGE_INGEST_YOUTUBEDOWNLOADER");
    }

    @Test
    void previewFrameIsTheExactFrameAndStripsAreCapped() throws Exception {
        String project = api.createProject("preview");
        String assetId = uploadAndSettle(project, video, "video/mp4").path("asset_id").asText();

        for (double ts : new double[]{0.0, 0.52, 1.999, 3.04}) {
            JsonNode frame = api.postJson("/v1/assets/" + assetId + "/preview/frame", Map.of("ts", ts, "format", "png"), 200);
            int expected = (int) Math.floor(ts * 25 + 1e-6);
            assertThat(frame.path("timestamp").asDouble()).isCloseTo(expected / 25.0, within(0.002));
            var image = ImageIO.read(new ByteArrayInputStream(fetch(frame.path("frame_url").asText())));
            assertThat(Fixtures.decodeGray(image)).as("frame at %s", ts).isEqualTo(expected % 32);
        }

        JsonNode strip = api.postJson("/v1/assets/" + assetId + "/preview/strip", Map.of("start", 1.0, "end", 3.0, "fps", 2.0), 200);
        assertThat(strip.path("frames")).hasSize(5);
        assertThat(strip.path("frames").get(4).path("timestamp").asDouble()).isCloseTo(3.0, within(0.002));

        JsonNode capped = api.postJson("/v1/assets/" + assetId + "/preview/strip", Map.of("start", 0.0, "end", 4.0, "fps", 25.0), 422);
        assertThat(capped.path("reason").asText()).isEqualTo("frame_limit");
        assertThat(api.postJson("/v1/assets/" + assetId + "/preview/frame", Map.of("ts", 9.5), 422).path("error").asText())
                .contains("outside the source");
    }

    @Test
    void deletingAProjectDeletesItsRowsAndObjects() {
        String project = api.createProject("doomed");
        JsonNode asset = uploadAndSettle(project, video, "video/mp4");
        assertThat(store.list("projects/" + project + "/")).isNotEmpty();

        JsonNode deleted = api.http().delete().uri("/v1/projects/{id}", project).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(deleted.path("deleted").asBoolean()).isTrue();
        assertThat(store.list("projects/" + project + "/")).isEmpty();
        api.get("/v1/projects/" + project, 404);
        api.get("/v1/assets/" + asset.path("asset_id").asText(), 404);
        api.http().delete().uri("/v1/projects/{id}", project).exchange().expectStatus().isNotFound();
    }

    @Test
    void projectsArePaginated() {
        for (int i = 0; i < 3; i++) {
            api.createProject("page " + i);
        }
        JsonNode page = api.get("/v1/projects?limit=2&offset=1", 200);
        assertThat(page.path("items")).hasSize(2);
        assertThat(page.path("count").asInt()).isEqualTo(2);
        assertThat(page.path("pagination").path("limit").asInt()).isEqualTo(2);
        assertThat(page.path("pagination").path("offset").asInt()).isEqualTo(1);
        assertThat(page.path("pagination").path("total").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(api.get("/v1/projects?limit=0", 400).path("code").asText()).isEqualTo("bad_request");
        assertThat(api.get("/v1/projects?offset=-1", 400).path("code").asText()).isEqualTo("bad_request");
    }

    /** PUTs as S3 clients do, with {@code Expect: 100-continue}; refusals are read with {@link RefusedUpload}. */
    static HttpResponse<String> put(String url, String contentType, byte[] body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).expectContinue(true)
                .header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static byte[] fetch(String url) {
        try {
            HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).as(url).isEqualTo(200);
            return r.body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
