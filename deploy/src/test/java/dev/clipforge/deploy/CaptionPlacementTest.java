package dev.clipforge.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipforge.activities.render.ClipRenderer;
import dev.clipforge.activities.render.RenderProfile;
import dev.clipforge.common.captions.CaptionDoc;
import dev.clipforge.common.config.ClipforgeProperties;
import dev.clipforge.common.config.RenderSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Captions keep off faces and follow the speech, measured on the rendered preview of the two-person podcast
 * ({@link CaptionInk}): caption ink on every frame against BlazeFace's faces every third frame, and whether a
 * caption shows on each frame against when its words are spoken.
 */
class CaptionPlacementTest {
    static Stack stack;
    static Api api;
    static String asset;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        stack = SharedStack.get();
        api = new Api(stack);
        String project = api.createProject("caption placement");
        asset = api.upload(project, TestVideos.podcast().file()).path("asset_id").asText();
    }

    @Test
    void documentaryCaptionsSitBetweenSplitPanelsOffEveryFaceAndFollowTheSpeech() throws Exception {
        JsonNode ready = run(Map.of("layout_mode", "prefer_split"), "documentary");
        assertThat(ready.path("layout").path("applied_mode").asText()).isEqualTo("split");
        assertCaptionsOffFacesAndOnTime(ready, "split");
        assertThat(ready.path("qa").path("issues").findValuesAsText("code")).doesNotContain("caption_on_face");

        // sidecars: the same cues in clip time, as SRT and WebVTT
        CaptionDoc doc = MediaChecks.captions(stack, ready);
        String srt = fetch(ready.path("captions").path("srt_url").asText());
        String vtt = fetch(ready.path("captions").path("vtt_url").asText());
        assertThat(vtt).startsWith("WEBVTT");
        CaptionDoc.Cue first = doc.cues().get(0);
        assertThat(srt).startsWith("1\n" + srtTime(first.start()) + " --> " + srtTime(first.end()) + "\n"
                + first.text() + "\n");
        assertThat(vtt).contains(srtTime(first.start()).replace(',', '.') + " --> " + srtTime(first.end()).replace(',', '.'));
        assertThat(srt.split("\n\n")).hasSize(doc.cues().size());
        assertThat(doc.cues().get(doc.cues().size() - 1).end()).isLessThanOrEqualTo(
                ready.path("clip_window").path("duration_seconds").asDouble() + 1e-6);

        // the debug sheet shows the speaking face (green box) and the caption box (magenta) at sampled moments
        HttpResponse<byte[]> sheet = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(ready.path("qa").path("visual_debug_url").asText())).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(sheet.statusCode()).isEqualTo(200);
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(sheet.body()));
        assertThat(png.getHeight()).isGreaterThan(png.getWidth());
        assertThat(count(png, new Color(60, 220, 90))).as("speaking-face box pixels").isGreaterThan(200);
        assertThat(count(png, new Color(255, 80, 200))).as("caption box pixels").isGreaterThan(200);
    }

    @Test
    void documentaryCaptionsInAFocusCropKeepOffTheFaceAndFollowTheSpeech() throws Exception {
        JsonNode ready = run(Map.of("layout_mode", "prefer_focus"), "documentary");
        assertThat(ready.path("layout").path("applied_mode").asText()).isEqualTo("focus");
        assertCaptionsOffFacesAndOnTime(ready, "focus");
        assertThat(ready.path("qa").path("issues").findValuesAsText("code")).doesNotContain("caption_on_face");
    }

    /** No caption ink on a face in any sampled frame; captions shown exactly while their cues last, within a frame. */
    private static void assertCaptionsOffFacesAndOnTime(JsonNode clip, String name) throws Exception {
        CaptionInk.Measured m = measure(clip, name);
        System.out.printf("caption placement and timing, documentary captions, %s layout: %s%n", name, m);
        assertThat(m.framesWithFaces()).as("faces seen in the sampled frames").isGreaterThanOrEqualTo(m.faceFrames() * 8 / 10);
        assertThat(m.inkOnFaces()).as("caption pixels over faces").isZero();
        assertThat(m.spokenFrames()).as("frames with a word spoken").isGreaterThan(m.frames() / 3);
        assertThat(m.worstErrorFrames()).as("caption timing error, frames").isLessThanOrEqualTo(1);
        assertThat(m.quietFrames()).as("frames without a cue, where captions must be gone").isPositive();
        assertThat(m.strayInk()).as("ink outside the cue's box: the measure sees captions, not encoder noise")
                .isLessThan(m.frames() * 20L);
    }

    private static String fetch(String url) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body().replace("\r\n", "\n");
    }

    private static String srtTime(double seconds) {
        long ms = Math.round(seconds * 1000);
        return String.format(java.util.Locale.ROOT, "%02d:%02d:%02d,%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
    }

    private static int count(BufferedImage img, Color c) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                if (Math.abs(((rgb >> 16) & 0xff) - c.getRed()) < 12 && Math.abs(((rgb >> 8) & 0xff) - c.getGreen()) < 12
                        && Math.abs((rgb & 0xff) - c.getBlue()) < 12) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void aThemePinnedOverTheFaceIsFlaggedAndTheRepairMovesItOff() throws Exception {
        String theme = api.postJson("/v1/caption-themes", Map.of("name", "Centre", "based_on", "full-sentence",
                "position", "middle"), 201).path("id").asText();
        JsonNode ready = run(Map.of("layout_mode", "prefer_focus"), theme);
        assertThat(ready.path("layout").path("applied_mode").asText()).isEqualTo("focus");
        JsonNode onFace = null;
        for (JsonNode issue : ready.path("qa").path("issues")) {
            if (issue.path("code").asText().equals("caption_on_face")) {
                onFace = issue;
            }
        }
        assertThat(onFace).as("QA names the caption over the face").isNotNull();
        assertThat(onFace.path("repair").asText()).isEqualTo("move_captions_off_faces");
        CaptionInk.Measured pinned = measure(ready, "pinned");
        System.out.printf("caption placement, a theme pinned to the middle in a focus layout: %s%n", pinned);
        assertThat(pinned.inkOnFaces()).as("the pinned caption really covers a face").isPositive();

        String clip = ready.path("clip_id").asText();
        api.postJson("/v1/clips/" + clip + "/repair", Map.of("mode", "move_captions_off_faces"), 200);
        JsonNode repaired = api.awaitNextAction(clip, "export", "stop", "reselect", "repair");
        assertThat(repaired.path("status").asText()).isEqualTo("ready");
        assertThat(repaired.path("qa").path("issues").findValuesAsText("code")).doesNotContain("caption_on_face");
        CaptionInk.Measured m = measure(repaired, "repaired");
        System.out.printf("caption placement, the pinned theme after move_captions_off_faces: %s%n", m);
        assertThat(m.framesWithFaces()).isGreaterThanOrEqualTo(m.faceFrames() * 8 / 10);
        assertThat(m.inkOnFaces()).isZero();
    }

    private static JsonNode run(Map<String, Object> layout, String style) {
        String clip = api.postJson("/v1/clips", Map.of("source", Map.of("source_type", "asset", "asset_id", asset),
                "selection", Map.of("selection_mode", "time_range", "start_seconds", 2.0, "end_seconds", 16.0),
                "target", Map.of("min_duration_seconds", 8, "max_duration_seconds", 20),
                "layout", layout, "captions", Map.of("style_id", style)), 201).path("clip_id").asText();
        JsonNode ready = api.awaitNextAction(clip, "export", "stop", "reselect", "repair");
        assertThat(ready.path("status").asText()).as(ready.toString()).isIn("ready", "blocked");
        return ready;
    }

    /** Caption ink of the run's preview, against a render of the same layout without captions. */
    private static CaptionInk.Measured measure(JsonNode clip, String name) throws Exception {
        Path preview = dir.resolve(name + ".mp4");
        HttpResponse<Path> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(clip.path("qa").path("preview_urls").get(0).asText())).build(), HttpResponse.BodyHandlers.ofFile(preview));
        assertThat(r.statusCode()).isEqualTo(200);
        CaptionDoc doc = MediaChecks.captions(stack, clip);
        assertThat(doc.cues()).isNotEmpty();
        RenderSettings render = stack.bean(ClipforgeProperties.class).render();
        Path clean = dir.resolve(name + "-without-captions.mp4");
        new ClipRenderer().render(TestVideos.podcast().file(), 0, MediaChecks.layout(stack, clip), null,
                RenderProfile.preview().withLoudness(render.loudnessTarget(), render.truePeak()), clean, (d, n) -> { });
        return CaptionInk.measure(preview, clean, doc);
    }
}
