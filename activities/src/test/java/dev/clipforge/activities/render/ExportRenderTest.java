package dev.clipforge.activities.render;

import dev.clipforge.activities.media.MediaProbe;
import dev.clipforge.activities.render.av.Encoder;
import dev.clipforge.activities.samples.SampleVideos;
import dev.clipforge.common.assets.ProbeResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The deliverable, checked from outside: stream parameters by probing, loudness by Debian's {@code ffmpeg}
 * CLI (its own ebur128 pass, not the meter the renderer used), the index at the front of the file, and the
 * GPU encoder used where it opens and libx264 where it does not (a machine without a GPU, or with a GPU that
 * has no NVENC unit).
 */
class ExportRenderTest {
    @TempDir
    static Path dir;

    @Test
    void aQuietSourceIsExportedAtTheLoudnessTargetAsH264HighAndAac() throws Exception {
        Path source = dir.resolve("quiet.mp4");
        // quiet speech-like sound: a 180 Hz tone whose level swells and fades twice a second
        float[] audio = SampleVideos.tone(180, 8, 48_000, 0.04);
        for (int i = 0; i < audio.length; i++) {
            audio[i] *= (float) (0.55 + 0.45 * Math.sin(2 * Math.PI * 2 * i / 48_000.0));
        }
        SampleVideos.write(source, SampleVideos.Spec.video(640, 360, 25, 8).withAudio(audio, 48_000),
                CaptionRenderTest::greyFrame);
        RenderProfile export = RenderProfile.export(720, 1280, "h264_nvenc", -14, -1);
        Path out = dir.resolve("export.mp4");
        ClipRenderer.Result r = new ClipRenderer().render(source, 0, CaptionRenderTest.centredFocus(), null, export, out,
                (d, n) -> { });

        boolean nvenc = Encoder.opens("h264_nvenc");
        System.out.printf("h264_nvenc opens here: %s; the export was encoded with %s%n", nvenc, r.encoder());
        assertThat(r.encoder()).as("h264_nvenc where it opens, else libx264").isEqualTo(nvenc ? "h264_nvenc" : "libx264");
        assertThat(containsX264Signature(out)).as("x264 signs the stream it encodes").isEqualTo(!nvenc);
        ProbeResult p = MediaProbe.probe(out);
        assertThat(p.videoCodec()).isEqualTo("h264");
        assertThat(p.width()).isEqualTo(720);
        assertThat(p.height()).isEqualTo(1280);
        assertThat(p.durationSeconds()).isCloseTo(6.0, within(0.05));
        assertThat(p.audioCodec()).isEqualTo("aac");
        assertThat(p.audioSampleRate()).isEqualTo(48_000);
        String streams = cli("ffprobe", "-v", "error", "-show_entries", "stream=profile,sample_rate", "-of", "csv=p=0",
                out.toString());
        assertThat(streams).contains("High");

        double[] loudness = ebur128(out);
        assertThat(loudness[0]).as("integrated loudness, measured by the ffmpeg CLI").isCloseTo(-14, within(1.0));
        assertThat(loudness[1]).as("true peak").isLessThanOrEqualTo(-1 + 0.3);
        assertThat(moovBeforeMdat(out)).as("+faststart: the index comes first").isTrue();
    }

    @Test
    void peaksTheGainWouldPushOverTheCeilingAreLimitedAndTheLoudnessStillLandsOnTarget() throws Exception {
        Path source = dir.resolve("peaky.mp4");
        // a quiet 180 Hz tone with a loud 2 ms click every second: the gain that brings the tone to the target
        // would push the clicks far past the ceiling, so the limiter must act and the gain is found with it in place
        float[] audio = SampleVideos.tone(180, 8, 48_000, 0.1);
        for (int s = 0; s < 8; s++) {
            for (int i = s * 48_000; i < s * 48_000 + 96; i++) {
                audio[i] = (float) (0.9 * Math.sin(2 * Math.PI * 1000 * i / 48_000.0));
            }
        }
        SampleVideos.write(source, SampleVideos.Spec.video(640, 360, 25, 8).withAudio(audio, 48_000),
                CaptionRenderTest::greyFrame);
        Path out = dir.resolve("peaky-export.mp4");
        ClipRenderer.Result r = new ClipRenderer().render(source, 0, CaptionRenderTest.centredFocus(), null,
                RenderProfile.export(720, 1280, "libx264", -14, -1), out, (d, n) -> { });
        assertThat(LoudnessMeter.level(source, 1, 7, "").samplePeakDbfs() + r.gainDb()).as("the limiter had work")
                .isGreaterThan(0);
        double[] loudness = ebur128(out);
        assertThat(loudness[0]).as("integrated loudness, measured by the ffmpeg CLI").isCloseTo(-14, within(1.0));
        assertThat(loudness[1]).as("true peak").isLessThanOrEqualTo(-1 + 0.3);
    }

    @Test
    void theEncoderProbeOpensWhatThisBuildCanUseAndRefusesWhatItCannot() {
        assertThat(Encoder.opens("libx264")).isTrue();
        assertThat(Encoder.opens("no_such_encoder")).isFalse();
        if (!Files.exists(Path.of("/dev/nvidia0"))) {
            assertThat(Encoder.opens("h264_nvenc")).as("compiled in, but no GPU to open it on").isFalse();
        }
    }

    /** x264 writes its version and settings into the stream (an SEI message); NVENC does not. */
    private static boolean containsX264Signature(Path mp4) throws IOException {
        return new String(Files.readAllBytes(mp4), StandardCharsets.ISO_8859_1).contains("x264 - core");
    }

    /** Integrated loudness and true peak from the CLI's ebur128 summary. */
    static double[] ebur128(Path file) throws Exception {
        String log = cli("ffmpeg", "-nostats", "-hide_banner", "-i", file.toString(), "-af", "ebur128=peak=true", "-f", "null", "-");
        String summary = log.substring(log.lastIndexOf("Summary:"));
        return new double[]{number(summary, "I:\\s+(-?[\\d.]+) LUFS"), number(summary, "Peak:\\s+(-?[\\d.]+) dBFS")};
    }

    private static double number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("%s in %s", regex, text).isTrue();
        return Double.parseDouble(m.group(1));
    }

    private static boolean moovBeforeMdat(Path mp4) throws IOException {
        String head = new String(Files.readAllBytes(mp4), 0, (int) Math.min(Files.size(mp4), 1 << 16), StandardCharsets.ISO_8859_1);
        int moov = head.indexOf("moov");
        int mdat = head.indexOf("mdat");
        return moov >= 0 && (mdat < 0 || moov < mdat);
    }

    static String cli(String... cmd) throws Exception {
        Process p = new ProcessBuilder(List.of(cmd)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
