package dev.clipforge.deploy.cli;

import dev.clipforge.activities.samples.PackageMedia;
import dev.clipforge.activities.suggest.SuggestionEngine;
import dev.clipforge.common.config.SuggestSettings;
import dev.clipforge.common.transcript.Transcript;
import dev.clipforge.workflows.stages.Suggestion;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code clipforge bench suggest [minutes]}: suggestion time for a long word-timed transcript. The transcript
 * is the LibriVox reference sentences repeated to length, each word timed at a steady speaking pace with a
 * pause after every sentence, and a loudness curve that rises and falls between sentences.
 */
final class SuggestBench {
    static final double ENERGY_STEP = 0.05;
    private final PrintStream out;

    SuggestBench(PrintStream out) {
        this.out = out;
    }

    int run(int minutes, int runs) {
        Transcript t = transcript(minutes * 60.0);
        float[] energy = energy(t);
        SuggestSettings settings = new SuggestSettings(null, 0.3);
        SuggestionEngine engine = new SuggestionEngine(settings.weights(), settings.maxOverlap());
        List<Double> times = new ArrayList<>();
        List<Suggestion> last = List.of();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            last = engine.suggest("ast_bench", 1, t, energy, ENERGY_STEP, t.durationSeconds(), 15, 75, 5);
            times.add((System.nanoTime() - start) / 1e9);
            out.printf(Locale.ROOT, "run %d/%d: %.2f s%n", i + 1, runs, times.get(i));
        }
        out.printf(Locale.ROOT, "%nsuggestions, %d-minute transcript (%d words, %d sentences), 15-75 s clips, top 5, median of %d: "
                + "%.2f s%n", minutes, t.words().size(), t.segments().size(), runs, BenchCommand.median(times), runs);
        for (Suggestion s : last) {
            out.printf(Locale.ROOT, "  #%d %.1f-%.1f s score %.2f: %s%n", s.rank(), s.startSeconds(), s.endSeconds(), s.score(),
                    s.title());
        }
        return 0;
    }

    private static Transcript transcript(double seconds) {
        List<PackageMedia.Utterance> sentences = PackageMedia.librivox();
        List<Transcript.Word> words = new ArrayList<>();
        List<Transcript.Segment> segments = new ArrayList<>();
        List<Transcript.Span> speech = new ArrayList<>();
        List<Transcript.Span> pauses = new ArrayList<>();
        double t = 0.5;
        for (int i = 0; t < seconds; i++) {
            String text = sentences.get(i % sentences.size()).text();
            int first = words.size();
            double start = t;
            for (String w : text.split("\\s+")) {
                double length = 0.12 + 0.045 * w.length();
                words.add(new Transcript.Word(w, round(t), round(t + length), 0.9));
                t += length + 0.06;
            }
            segments.add(new Transcript.Segment(round(start), round(t - 0.06), text, first, words.size() - 1));
            speech.add(new Transcript.Span(round(start), round(t - 0.06)));
            pauses.add(new Transcript.Span(round(t - 0.06), round(t + 0.6)));
            t += 0.6;
        }
        return new Transcript(1, "en", "bench", t, words, segments, speech, pauses);
    }

    /** Louder in some sentences than others, silent in the pauses. */
    private static float[] energy(Transcript t) {
        float[] out = new float[(int) Math.ceil(t.durationSeconds() / ENERGY_STEP)];
        for (int s = 0; s < t.segments().size(); s++) {
            Transcript.Segment seg = t.segments().get(s);
            float level = 0.05f + 0.1f * ((s * 7) % 5);
            for (int k = (int) (seg.start() / ENERGY_STEP); k < Math.min(out.length, seg.end() / ENERGY_STEP); k++) {
                out[k] = level;
            }
        }
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
