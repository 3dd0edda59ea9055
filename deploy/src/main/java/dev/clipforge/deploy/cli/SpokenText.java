package dev.clipforge.deploy.cli;

import dev.clipforge.common.transcript.Transcript;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;

/**
 * A word-timed transcript made from text, for the benchmark and the evaluation set: each word takes 0.12 s
 * plus 45 ms a letter with 60 ms between words, and every sentence is followed by a pause.
 */
final class SpokenText {
    private final double pauseAfterSentence;
    private final double confidence;
    private final List<Transcript.Word> words = new ArrayList<>();
    private final List<Transcript.Segment> segments = new ArrayList<>();
    private final List<Transcript.Span> speech = new ArrayList<>();
    private final List<Transcript.Span> pauses = new ArrayList<>();
    private double t = 0.5;

    SpokenText(double pauseAfterSentence, double confidence) {
        this.pauseAfterSentence = pauseAfterSentence;
        this.confidence = confidence;
    }

    /** Where the next sentence would begin. */
    double time() {
        return t;
    }

    /** The number of sentences so far. */
    int sentences() {
        return segments.size();
    }

    void sentence(String text) {
        int first = words.size();
        double start = t;
        for (String w : text.strip().split("\\s+")) {
            double length = 0.12 + 0.045 * w.length();
            words.add(new Transcript.Word(w, round(t), round(t + length), confidence));
            t += length + 0.06;
        }
        double end = t - 0.06;
        segments.add(new Transcript.Segment(round(start), round(end), text.strip(), first, words.size() - 1));
        speech.add(new Transcript.Span(round(start), round(end)));
        pauses.add(new Transcript.Span(round(end), round(end + pauseAfterSentence)));
        t = end + pauseAfterSentence;
    }

    /** Lengthens the pause after the last sentence, as at a change of topic. */
    void longerPause(double extra) {
        if (!pauses.isEmpty()) {
            Transcript.Span last = pauses.remove(pauses.size() - 1);
            pauses.add(new Transcript.Span(last.start(), last.end() + extra));
            t += extra;
        }
    }

    Transcript transcript(String provider) {
        return new Transcript(1, "en", provider, round(t), words, segments, speech, pauses);
    }

    /** Loudness per {@code step} seconds: sentence i at {@code level(i)}, silence between sentences. */
    static float[] energy(Transcript t, double step, IntToDoubleFunction level) {
        float[] out = new float[(int) Math.ceil(t.durationSeconds() / step)];
        for (int s = 0; s < t.segments().size(); s++) {
            Transcript.Segment seg = t.segments().get(s);
            for (int k = (int) (seg.start() / step); k < Math.min(out.length, seg.end() / step); k++) {
                out[k] = (float) level.applyAsDouble(s);
            }
        }
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
