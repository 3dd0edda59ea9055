package dev.clipforge.gpu.asr;

import dev.clipforge.activities.media.Wav;
import dev.clipforge.common.transcript.Transcript;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntToDoubleFunction;

/**
 * Synthetic speech whose word times are true by construction: each word is spoken by Debian's espeak-ng on
 * its own, trimmed to where it is audible, and laid end to end with the pauses asked for, so the start and
 * end of every word are known to the sample.
 */
public final class EspeakWords {
    public static final int RATE = 16_000;

    /** 16 kHz samples and the words in them. */
    public record Spoken(float[] samples, List<Transcript.Word> words) {
    }

    private EspeakWords() {
    }

    /**
     * @param pauseAfterWord seconds of silence after the n-th word of the whole text (counting from 0)
     * @param pauseAfterSentence seconds of silence after each sentence, on top of its last word's pause
     */
    public static Spoken say(List<String> sentences, double leadIn, IntToDoubleFunction pauseAfterWord, double pauseAfterSentence,
                             Path scratch) throws IOException, InterruptedException {
        List<Float> samples = new ArrayList<>();
        List<Transcript.Word> truth = new ArrayList<>();
        pad(samples, leadIn);
        int n = 0;
        for (String sentence : sentences) {
            for (String word : sentence.split(" ")) {
                float[] clip = trim(speak(word, scratch));
                double start = samples.size() / (double) RATE;
                for (float v : clip) {
                    samples.add(v);
                }
                truth.add(new Transcript.Word(word, start, samples.size() / (double) RATE, 1));
                pad(samples, pauseAfterWord.applyAsDouble(n++));
            }
            pad(samples, pauseAfterSentence);
        }
        float[] out = new float[samples.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = samples.get(i);
        }
        return new Spoken(out, truth);
    }

    private static float[] speak(String word, Path scratch) throws IOException, InterruptedException {
        Path wav = scratch.resolve("espeak-word.wav");
        Process p = new ProcessBuilder("espeak-ng", "-v", "en-us", "-s", "165", "-w", wav.toString(), word)
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("espeak-ng failed (apt-get install espeak-ng)");
        }
        float[] at22k = Wav.read(wav);
        // espeak-ng speaks at 22050 Hz; linear resampling to 16 kHz keeps the timing exact
        float[] out = new float[(int) (at22k.length * (double) RATE / 22_050)];
        for (int i = 0; i < out.length; i++) {
            double x = i * 22_050.0 / RATE;
            int k = (int) x;
            double f = x - k;
            out[i] = (float) (at22k[k] * (1 - f) + (k + 1 < at22k.length ? at22k[k + 1] : 0) * f);
        }
        return out;
    }

    /** The clip from its first to its last audible sample (above -40 dBFS). */
    private static float[] trim(float[] clip) {
        int a = 0;
        int b = clip.length - 1;
        while (a < b && Math.abs(clip[a]) < 0.01f) {
            a++;
        }
        while (b > a && Math.abs(clip[b]) < 0.01f) {
            b--;
        }
        return Arrays.copyOfRange(clip, a, b + 1);
    }

    private static void pad(List<Float> samples, double seconds) {
        for (int i = 0; i < seconds * RATE; i++) {
            samples.add(0f);
        }
    }
}
