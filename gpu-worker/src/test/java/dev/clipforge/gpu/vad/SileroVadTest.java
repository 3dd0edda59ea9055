package dev.clipforge.gpu.vad;

import dev.clipforge.activities.media.Wav;
import dev.clipforge.common.transcript.Transcript;
import dev.clipforge.gpu.models.ModelFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SileroVadTest {
    static final Path LIBRIVOX = Path.of("/usr/share/pocketsphinx/test/data/librivox");
    static SileroVad vad;
    @TempDir
    static Path models;

    @BeforeAll
    static void load() {
        vad = new SileroVad(ModelFiles.extract(ModelFiles.SILERO_VAD, ModelFiles.SILERO_VAD_SHA256, models),
                SileroVad.Settings.defaults());
    }

    @AfterAll
    static void close() {
        vad.close();
    }

    @Test
    void findsSpeechInRealSpeechAndTheSilenceAroundIt() throws Exception {
        float[] speech = Wav.read(LIBRIVOX.resolve("sense_and_sensibility_01_austen_64kb-0880.wav"));
        float[] padded = new float[speech.length + 2 * 16_000];
        System.arraycopy(speech, 0, padded, 16_000, speech.length);

        List<Transcript.Span> regions = vad.speech(padded);
        assertThat(regions).isNotEmpty();
        double first = regions.get(0).start();
        double last = regions.get(regions.size() - 1).end();
        // the utterance starts ~0.2 s into the clip and ends before its end; 1 s of silence pads each side
        assertThat(first).isBetween(1.0, 1.5);
        assertThat(last).isBetween(1.0 + 2.3, 1.0 + 3.0);
        assertThat(SileroVad.pauses(regions, padded.length / 16_000.0, 0.3).get(0).end()).isCloseTo(first, within(1e-9));
    }

    @Test
    void silenceAndToneAreNotSpeech() {
        float[] silence = new float[3 * 16_000];
        assertThat(vad.speech(silence)).isEmpty();
        float[] tone = new float[3 * 16_000];
        for (int i = 0; i < tone.length; i++) {
            tone[i] = (float) (0.3 * Math.sin(2 * Math.PI * 440 * i / 16_000.0));
        }
        assertThat(vad.speech(tone).stream().mapToDouble(Transcript.Span::duration).sum()).isLessThan(0.5);
    }
}
