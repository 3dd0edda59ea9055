package dev.clipforge.activities.media;

import dev.clipforge.common.assets.ProbeResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MediaProbeTest {
    @TempDir
    Path dir;

    @Test
    void probesAVideoWithAudio() throws Exception {
        Path video = Fixtures.countingVideo(dir, 4, 25);
        ProbeResult p = MediaProbe.probe(video);
        assertThat(p.hasVideo()).isTrue();
        assertThat(p.hasAudio()).isTrue();
        assertThat(p.width()).isEqualTo(320);
        assertThat(p.height()).isEqualTo(240);
        assertThat(p.fps()).isCloseTo(25, within(0.01));
        assertThat(p.durationSeconds()).isCloseTo(4, within(0.1));
        assertThat(p.videoCodec()).isEqualTo("h264");
        assertThat(p.audioCodec()).isEqualTo("aac");
        assertThat(p.audioSampleRate()).isEqualTo(48_000);
        assertThat(p.rotation()).isZero();
        assertThat(p.sizeBytes()).isEqualTo(Files.size(video));
    }

    @Test
    void acceptsVideoWithoutAudio() throws Exception {
        ProbeResult p = MediaProbe.probe(Fixtures.videoOnly(dir, 2));
        assertThat(p.hasVideo()).isTrue();
        assertThat(p.hasAudio()).isFalse();
        assertThat(p.audioCodec()).isNull();
    }

    @Test
    void rejectsEachBadInputWithItsOwnCode() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.mp4"));
        expectRejected(empty, "empty_file");
        expectRejected(Fixtures.randomBytes(dir, 200_000), "unsupported_media");
        expectRejected(Fixtures.audioOnly(dir, 2), "no_video_stream");
        expectRejected(Fixtures.textFile(dir), "not_media");
        expectRejected(Fixtures.htmlFile(dir), "not_media");
        Path whole = Fixtures.countingVideo(dir, 6, 25);
        expectRejected(Fixtures.truncated(whole, dir, 0.5), "truncated_media");
    }

    private static void expectRejected(Path file, String code) {
        assertThatThrownBy(() -> MediaProbe.probe(file))
                .as(file.getFileName().toString())
                .isInstanceOf(MediaRejected.class)
                .satisfies(e -> {
                    MediaRejected r = (MediaRejected) e;
                    assertThat(r.code()).isEqualTo(code);
                    assertThat(r.getMessage()).isNotBlank();
                    assertThat(r.howToFix()).isNotBlank();
                });
    }

    @Test
    void extractsSixteenKilohertzMonoSpeechAudio() throws Exception {
        Path video = Fixtures.countingVideo(dir, 3, 25);
        Path wav = dir.resolve("speech.wav");
        double seconds = SpeechAudio.extract(video, wav, () -> {
        });
        assertThat(seconds).isCloseTo(3, within(0.1));
        float[] samples = Wav.read(wav);
        assertThat(samples.length).isCloseTo(48_000, within(1_600));
        // the 440 Hz tone survives: count zero crossings over one second
        int crossings = 0;
        for (int i = 16_000; i < 32_000; i++) {
            if ((samples[i - 1] < 0) != (samples[i] < 0)) {
                crossings++;
            }
        }
        assertThat(crossings).isCloseTo(880, within(20));
        byte[] header = Files.readAllBytes(wav);
        assertThat(new String(header, 0, 4)).isEqualTo("RIFF");
        assertThat((header[24] & 0xff) | (header[25] & 0xff) << 8).isEqualTo(16_000);
        assertThat(header[22]).isEqualTo((byte) 1);
    }

    @Test
    void grabsTheExactFrameAtEachTime() throws Exception {
        Path video = Fixtures.countingVideo(dir, 2, 25);
        List<Double> times = List.of(0.0, 0.039, 0.04, 0.5, 0.77, 1.0, 1.23);
        List<FrameGrabs.Grabbed> frames = FrameGrabs.grab(video, times);
        for (FrameGrabs.Grabbed g : frames) {
            int expected = (int) Math.floor(g.requested() * 25 + 1e-6) % 32;
            BufferedImage img = g.image();
            assertThat(Fixtures.decodeGray(img)).as("frame at %s", g.requested()).isEqualTo(expected);
            assertThat(g.timestamp()).isCloseTo(Math.floor(g.requested() * 25 + 1e-6) / 25, within(0.002));
        }
    }
}
