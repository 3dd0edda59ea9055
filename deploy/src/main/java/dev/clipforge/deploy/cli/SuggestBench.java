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
        SuggestSettings settings = SuggestSettings.defaults();
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
        SpokenText text = new SpokenText(0.66, 0.9);
        while (text.time() < seconds) {
            text.sentence(sentences.get(text.sentences() % sentences.size()).text());
        }
        return text.transcript("bench");
    }

    /** Louder in some sentences than others, silent in the pauses. */
    private static float[] energy(Transcript t) {
        return SpokenText.energy(t, ENERGY_STEP, s -> 0.05f + 0.1f * ((s * 7) % 5));
    }
}
