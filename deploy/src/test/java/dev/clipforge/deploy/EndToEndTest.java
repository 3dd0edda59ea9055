package dev.clipforge.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipforge.activities.media.FrameGrabs;
import dev.clipforge.activities.samples.PackageMedia;
import dev.clipforge.activities.samples.SampleVideos;
import dev.clipforge.common.assets.ProbeResult;
import dev.clipforge.common.captions.CaptionDoc;
import dev.clipforge.common.config.ClipforgeProperties;
import dev.clipforge.common.config.RenderSettings;
import dev.clipforge.common.json.Json;
import dev.clipforge.deploy.cli.ClipCommand;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
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

/** A real talking-head video with real speech in, a real vertical clip out: over REST and from the CLI. */
class EndToEndTest {
    static Stack stack;
    static Api api;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        stack = SharedStack.get();
        api = new Api(stack);
    }

    @Test
    void restTurnsATalkingHeadIntoAnExportedVerticalClip() throws Exception {
        String project = api.createProject("end to end");
        String asset = api.upload(project, TestVideos.single().file()).path("asset_id").asText();
        String clip = api.postJson("/v1/clips", Map.of("source", Map.of("source_type", "asset", "asset_id", asset),
                "target", Map.of("max_duration_seconds", 20, "min_duration_seconds", 8),
                "captions", Map.of("style_id", "documentary")), 201).path("clip_id").asText();
        JsonNode ready = api.awaitNextAction(clip, "export", "stop", "reselect", "repair");
        assertThat(ready.path("status").asText()).isEqualTo("ready");
        assertThat(ready.path("layout").path("applied_mode").asText()).isEqualTo("focus");
        api.postJson("/v1/clips/" + clip + "/export", Map.of("quality", "1080p"), 200);
        JsonNode exported = api.awaitNextAction(clip, "stop");
        assertThat(exported.path("status").asText()).isEqualTo("exported");

        Path mp4 = dir.resolve("rest.mp4");
        download(exported.path("export").path("short_download_url").asText(), stack.adminKey(), mp4);
        ProbeResult p = MediaChecks.probe(mp4);
        assertThat(p.videoCodec()).isEqualTo("h264");
        assertThat(p.audioCodec()).isEqualTo("aac");
        assertThat(p.width()).isEqualTo(1080);
        assertThat(p.height()).isEqualTo(1920);
        double window = exported.path("clip_window").path("duration_seconds").asDouble();
        assertThat(p.durationSeconds()).isCloseTo(window, within(1 / 25.0 + 1e-3));
        assertThat(MediaChecks.audioLevelDb(mp4)).isGreaterThan(-40);
        RenderSettings render = stack.bean(ClipforgeProperties.class).render();
        MediaChecks.Loudness loudness = MediaChecks.cliLoudness(mp4);
        System.out.printf("1080p export of LibriVox speech, measured by the ffmpeg CLI's ebur128: %.1f LUFS integrated "
                + "(target %.1f), true peak %.1f dBTP (limit %.1f)%n", loudness.integratedLufs(), render.loudnessTarget(),
                loudness.truePeakDbtp(), render.truePeak());
        assertThat(loudness.integratedLufs()).as("integrated loudness").isCloseTo(render.loudnessTarget(), within(1.0));
        assertThat(loudness.truePeakDbtp()).as("true peak").isLessThanOrEqualTo(render.truePeak() + 0.5);

        for (double t = 1; t < window; t += window / 5) {
            assertThat(MediaChecks.wholeFaceVisible(MediaChecks.facesAt(mp4, t))).as("a whole face at %.1f s", t).isTrue();
        }

        // caption pixels: inside the cue's box while its words are spoken, and only then
        CaptionDoc captions = MediaChecks.captions(stack, exported);
        assertThat(captions.cues()).isNotEmpty();
        CaptionDoc.Cue cue = captions.cues().get(0);
        double during = (cue.words().get(0).start() + cue.words().get(0).end()) / 2;
        double silent = captions.cues().stream().mapToDouble(CaptionDoc.Cue::end).filter(e -> captions.cueAt(e + 0.05) == null)
                .map(e -> e + 0.05).filter(e -> e < window - 0.1).findFirst().orElse(-1);
        assertThat(silent).as("a moment without captions").isPositive();
        List<FrameGrabs.Grabbed> frames = FrameGrabs.grab(mp4, List.of(during, silent));
        Rectangle box = new Rectangle((int) cue.box().x(), (int) cue.box().y(), (int) cue.box().w(), (int) cue.box().h());
        Rectangle sky = new Rectangle(0, 0, 1080, 120);
        double inBox = MediaChecks.difference(frames.get(0).image(), frames.get(1).image(), box);
        double elsewhere = MediaChecks.difference(frames.get(0).image(), frames.get(1).image(), sky);
        assertThat(inBox).as("caption box changes when the caption shows").isGreaterThan(20);
        assertThat(elsewhere).as("the rest of the picture does not").isLessThan(6);
    }

    @Test
    void theCommandLineClipsAFileIntoAFolder() throws Exception {
        Path out = dir.resolve("cli");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        int code = new ClipCommand(new PrintStream(log, true)).run(new String[]{TestVideos.podcast().file().toString(),
                "--clips", "2", "--min", "8", "--max", "20", "--out", out.toString(), "--server", stack.baseUrl(),
                "--api-key", stack.adminKey()});
        assertThat(code).as(log.toString()).isZero();
        JsonNode summary = Json.mapper().readTree(out.resolve("summary.json").toFile());
        assertThat(summary.path("clips")).hasSize(2);
        for (JsonNode c : summary.path("clips")) {
            assertThat(c.path("status").asText()).isEqualTo("exported");
            assertThat(c.path("title").asText()).isNotBlank();
            assertThat(c.path("hook").asText()).isNotBlank();
            assertThat(c.path("window").path("duration_seconds").asDouble()).isBetween(8.0, 20.0);
            Path mp4 = out.resolve(c.path("file").asText());
            ProbeResult p = MediaChecks.probe(mp4);
            assertThat(p.width()).isEqualTo(1080);
            assertThat(p.durationSeconds()).isCloseTo(c.path("window").path("duration_seconds").asDouble(), within(0.05));
        }
        assertThat(log.toString()).contains("2 of 2 clip(s) exported");
    }

    @Test
    void aVideoWithoutAudioStillMakesAClipWithoutCaptions() throws Exception {
        Path silent = dir.resolve("silent-talk.mp4");
        BufferedImage frame = talkingHeadFrame();
        SampleVideos.write(silent, SampleVideos.Spec.video(960, 540, 25, 20), i -> frame);
        String project = api.createProject("no audio");
        String asset = api.upload(project, silent).path("asset_id").asText();
        String clip = api.postJson("/v1/clips", Map.of("source", Map.of("source_type", "asset", "asset_id", asset),
                "target", Map.of("max_duration_seconds", 12, "min_duration_seconds", 8),
                "export", Map.of("auto_export", true, "quality", "720p")), 201).path("clip_id").asText();
        JsonNode done = api.awaitNextAction(clip, "stop", "reselect", "repair");
        assertThat(done.path("status").asText()).isEqualTo("exported");
        assertThat(done.path("source").path("transcript_status").asText()).isEqualTo("not_applicable");
        assertThat(done.path("captions").path("status").asText()).isEqualTo("not_applicable");
        assertThat(done.path("qa").path("issues")).anyMatch(i -> i.path("code").asText().equals("missing_audio")
                && i.path("severity").asText().equals("warning"));
        Path mp4 = dir.resolve("silent-out.mp4");
        download(done.path("export").path("short_download_url").asText(), stack.adminKey(), mp4);
        ProbeResult p = MediaChecks.probe(mp4);
        assertThat(p.hasAudio()).isFalse();
        assertThat(p.width()).isEqualTo(720);
        assertThat(p.height()).isEqualTo(1280);
    }

    @Test
    void aVideoWithoutFacesFallsBackToTheWideLayout() throws Exception {
        Path noFaces = dir.resolve("slides.mp4");
        PackageMedia.Speech speech = PackageMedia.sequence(PackageMedia.librivox().subList(0, 3), 0.5, 0.8, 1, 1);
        BufferedImage slide = slide();
        SampleVideos.write(noFaces, SampleVideos.Spec.video(1280, 720, 25, speech.seconds())
                .withAudio(speech.samples(), 16_000), i -> slide);
        String project = api.createProject("no faces");
        String asset = api.upload(project, noFaces).path("asset_id").asText();
        String clip = api.postJson("/v1/clips", Map.of("source", Map.of("source_type", "asset", "asset_id", asset),
                "target", Map.of("max_duration_seconds", 12, "min_duration_seconds", 5)), 201).path("clip_id").asText();
        JsonNode ready = api.awaitNextAction(clip, "export", "stop", "reselect", "repair");
        assertThat(ready.path("status").asText()).isEqualTo("ready");
        assertThat(ready.path("layout").path("applied_mode").asText()).isEqualTo("wide");
        assertThat(ready.path("layout").path("fallback_used").asBoolean()).isTrue();
        assertThat(ready.path("layout").path("warnings").toString()).contains("no face");
        api.postJson("/v1/clips/" + clip + "/cancel", Map.of(), 200);
    }

    /** A still of one person: the package portrait on a plain background. */
    static BufferedImage talkingHeadFrame() {
        BufferedImage img = new BufferedImage(960, 540, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(40, 44, 52));
        g.fillRect(0, 0, 960, 540);
        g.drawImage(PackageMedia.faceA(), 330, 80, 300, 300, null);
        g.dispose();
        return img;
    }

    /** A title slide with no one on it. */
    static BufferedImage slide() {
        BufferedImage img = new BufferedImage(1280, 720, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(20, 60, 120), 1280, 720, new Color(90, 20, 80)));
        g.fillRect(0, 0, 1280, 720);
        g.setColor(Color.WHITE);
        g.setFont(g.getFont().deriveFont(64f));
        g.drawString("Quarterly results", 200, 360);
        g.dispose();
        return img;
    }

    /** Follows the short link, which needs the API key of the clip's organisation, to a presigned URL that does not. */
    static void download(String shortUrl, String apiKey, Path target) throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<Void> anonymous = http.send(HttpRequest.newBuilder(URI.create(shortUrl)).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        HttpResponse<Void> redirect = http.send(HttpRequest.newBuilder(URI.create(shortUrl))
                .header("Authorization", "Bearer " + apiKey).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(redirect.statusCode()).isEqualTo(302);
        String location = redirect.headers().firstValue("Location").orElseThrow();
        HttpResponse<Path> r = http.send(HttpRequest.newBuilder(URI.create(location)).build(), HttpResponse.BodyHandlers.ofFile(target));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Files.size(target)).isPositive();
    }
}
