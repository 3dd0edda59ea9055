package dev.clipforge.gpu.vad;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.clipforge.gpu.models.InUse;
import dev.clipforge.gpu.models.OnnxModels;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import dev.clipforge.common.transcript.Transcript;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;

/**
 * Silero VAD (v4, ONNX) run through DJL's ONNX Runtime engine: speech probability per 32 ms window of
 * 16 kHz audio, turned into speech regions with hysteresis as the model's authors recommend.
 */
public final class SileroVad implements AutoCloseable {
    public static final int SAMPLE_RATE = 16_000;
    /** Samples per step: 32 ms, one of the window sizes the model was trained on. */
    static final int WINDOW = 512;

    /**
     * @param threshold        probability above which a window starts speech
     * @param negThreshold     probability below which speech may end
     * @param minSpeechSeconds shorter bursts are dropped
     * @param minSilenceSeconds a silence must last this long to end speech
     * @param padSeconds       added to both ends of each region
     */
    public record Settings(float threshold, float negThreshold, double minSpeechSeconds, double minSilenceSeconds,
                           double padSeconds) {
        public static Settings defaults() {
            return new Settings(0.5f, 0.35f, 0.25, 0.12, 0.03);
        }
    }

    private final ZooModel<NDList, NDList> model;
    private final Settings settings;
    private final InUse inUse = new InUse("voice activity");

    public SileroVad(Path modelFile, Settings settings) {
        this.settings = settings;
        this.model = OnnxModels.load(modelFile, "voice activity");
    }

    /** Audio between progress reports: a full pass over hours of audio takes minutes. */
    static final double REPORT_EVERY_SECONDS = 30;

    /**
     * Speech probability of each {@link #WINDOW}-sample window. The model is stateful, so one pass in order.
     *
     * @param secondsDone told every {@link #REPORT_EVERY_SECONDS} of audio how far the pass has got
     */
    public float[] probabilities(float[] samples, DoubleConsumer secondsDone) {
        int windows = samples.length / WINDOW;
        float[] out = new float[windows];
        inUse.enter();
        try (Predictor<NDList, NDList> predictor = model.newPredictor();
             NDManager manager = model.getNDManager().newSubManager()) {
            float[] h = new float[2 * 64];
            float[] c = new float[2 * 64];
            float[] window = new float[WINDOW];
            int reportEvery = (int) (REPORT_EVERY_SECONDS * SAMPLE_RATE / WINDOW);
            for (int w = 0; w < windows; w++) {
                if (w > 0 && w % reportEvery == 0) {
                    secondsDone.accept(w * (double) WINDOW / SAMPLE_RATE);
                }
                try (NDManager step = manager.newSubManager()) {
                    System.arraycopy(samples, w * WINDOW, window, 0, WINDOW);
                    NDArray input = step.create(window, new Shape(1, WINDOW));
                    input.setName("input");
                    NDArray sr = step.create((long) SAMPLE_RATE);
                    sr.setName("sr");
                    NDArray hIn = step.create(h, new Shape(2, 1, 64));
                    hIn.setName("h");
                    NDArray cIn = step.create(c, new Shape(2, 1, 64));
                    cIn.setName("c");
                    NDList result = predictor.predict(new NDList(input, sr, hIn, cIn));
                    out[w] = result.get(0).toFloatArray()[0];
                    h = result.get(1).toFloatArray();
                    c = result.get(2).toFloatArray();
                }
            }
        } catch (TranslateException e) {
            throw new IllegalStateException("voice activity detection failed", e);
        } finally {
            inUse.exit();
        }
        return out;
    }

    /** Speech regions of 16 kHz mono audio, in seconds from its start. */
    public List<Transcript.Span> speech(float[] samples) {
        return speech(samples, done -> { });
    }

    /** @param secondsDone told now and then how much of the audio has been heard (see {@link #probabilities}) */
    public List<Transcript.Span> speech(float[] samples, DoubleConsumer secondsDone) {
        return regions(probabilities(samples, secondsDone), samples.length / (double) SAMPLE_RATE, settings);
    }

    static List<Transcript.Span> regions(float[] p, double totalSeconds, Settings s) {
        double step = WINDOW / (double) SAMPLE_RATE;
        List<Transcript.Span> raw = new ArrayList<>();
        boolean speaking = false;
        double start = 0;
        double silenceStart = -1;
        for (int i = 0; i < p.length; i++) {
            double t = i * step;
            if (p[i] >= s.threshold()) {
                if (!speaking) {
                    speaking = true;
                    start = t;
                }
                silenceStart = -1;
            } else if (speaking && p[i] < s.negThreshold()) {
                if (silenceStart < 0) {
                    silenceStart = t;
                } else if (t + step - silenceStart >= s.minSilenceSeconds()) {
                    raw.add(new Transcript.Span(start, silenceStart));
                    speaking = false;
                    silenceStart = -1;
                }
            } else if (speaking) {
                silenceStart = -1;
            }
        }
        if (speaking) {
            raw.add(new Transcript.Span(start, p.length * step));
        }
        List<Transcript.Span> out = new ArrayList<>();
        for (Transcript.Span r : raw) {
            if (r.duration() < s.minSpeechSeconds()) {
                continue;
            }
            double a = Math.max(0, r.start() - s.padSeconds());
            double b = Math.min(totalSeconds, r.end() + s.padSeconds());
            if (!out.isEmpty() && a <= out.get(out.size() - 1).end()) {
                out.set(out.size() - 1, new Transcript.Span(out.get(out.size() - 1).start(), b));
            } else {
                out.add(new Transcript.Span(a, b));
            }
        }
        return out;
    }

    /** Silences between speech regions (and before the first, after the last) of at least {@code minimum}. */
    public static List<Transcript.Span> pauses(List<Transcript.Span> speech, double totalSeconds, double minimum) {
        List<Transcript.Span> out = new ArrayList<>();
        double cursor = 0;
        for (Transcript.Span s : speech) {
            if (s.start() - cursor >= minimum) {
                out.add(new Transcript.Span(cursor, s.start()));
            }
            cursor = s.end();
        }
        if (totalSeconds - cursor >= minimum) {
            out.add(new Transcript.Span(cursor, totalSeconds));
        }
        return out;
    }

    @Override
    public void close() {
        inUse.close(model::close);
    }
}
