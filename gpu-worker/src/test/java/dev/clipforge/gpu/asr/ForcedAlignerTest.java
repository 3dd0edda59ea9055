package dev.clipforge.gpu.asr;

import dev.clipforge.common.transcript.Transcript;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alignment accuracy against synthetic speech whose word times are true by construction: each word is
 * spoken by Debian's espeak-ng on its own, trimmed to where it is audible, and laid end to end with short
 * pauses, so the start of every word is known to the sample.
 */
class ForcedAlignerTest {
    static final List<String> SENTENCES = List.of(
            "the quick brown fox jumps over the lazy dog",
            "we talked about captions that follow every spoken word",
            "a good clip starts with a hook and ends with a payoff",
            "nobody wants to watch a camera that looks at the wall",
            "seven people joined the meeting on a rainy thursday afternoon");
    static final int RATE = EspeakWords.RATE;
    @TempDir
    static Path dir;
    static float[] speech;
    static List<Transcript.Word> truth;
    static ForcedAligner aligner;

    @BeforeAll
    static void synthesise() throws Exception {
        // pauses between words vary from 30 to 150 ms, as in unhurried speech
        EspeakWords.Spoken spoken = EspeakWords.say(SENTENCES, 0.5, n -> 0.03 + 0.12 * ((n * 37) % 11) / 10.0, 0.6, dir);
        speech = spoken.samples();
        truth = spoken.words();
        aligner = new ForcedAligner(dir.resolve("scratch"));
    }

    @Test
    void wordStartsLandWithinFiftyMillisecondsOfTheTruth() {
        List<ForcedAligner.Segment> segments = new ArrayList<>();
        int w = 0;
        for (String sentence : SENTENCES) {
            int count = sentence.split(" ").length;
            // segment bounds as a subtitle file would give them: roughly around the sentence
            segments.add(new ForcedAligner.Segment(truth.get(w).start() - 0.2, truth.get(w + count - 1).end() + 0.15, sentence));
            w += count;
        }
        List<Transcript.Word> aligned = aligner.align(speech, segments);
        assertThat(aligned).extracting(Transcript.Word::text).isEqualTo(truth.stream().map(Transcript.Word::text).toList());
        double[] errors = new double[aligned.size()];
        int placed = 0;
        for (int i = 0; i < aligned.size(); i++) {
            errors[i] = Math.abs(aligned.get(i).start() - truth.get(i).start());
            if (aligned.get(i).confidence() == ForcedAligner.ALIGNED_CONFIDENCE) {
                placed++;
            }
            if (i > 0) {
                assertThat(aligned.get(i).start()).as("in order").isGreaterThanOrEqualTo(aligned.get(i - 1).start());
            }
        }
        Arrays.sort(errors);
        double median = errors[errors.length / 2];
        double p90 = errors[(int) Math.floor(0.9 * (errors.length - 1))];
        System.out.printf(Locale.ROOT, "forced alignment on espeak-ng speech: %d words, %d placed by the aligner, "
                + "start error median %.0f ms, p90 %.0f ms%n", errors.length, placed, median * 1000, p90 * 1000);
        assertThat(median).isLessThan(0.05);
        // measured: median 4 ms, p90 14 ms
        assertThat(p90).isLessThan(0.06);
        assertThat(placed).isGreaterThan(aligned.size() * 8 / 10);
    }

    @Test
    void wordsTheAlignerCannotPlaceAreSpreadBetweenTheirNeighbours() {
        String[] words = {"one", "zxqv", "three"};
        double[] starts = {1.0, Double.NaN, 2.0};
        double[] ends = {1.4, Double.NaN, 2.5};
        List<Transcript.Word> out = ForcedAligner.spread(words, starts, ends, 0.9, 2.6, null);
        assertThat(out.get(1).start()).isEqualTo(1.4);
        assertThat(out.get(1).end()).isEqualTo(2.0);
        assertThat(out.get(1).confidence()).isEqualTo(ForcedAligner.SPREAD_CONFIDENCE);
        assertThat(out.get(0).confidence()).isEqualTo(ForcedAligner.ALIGNED_CONFIDENCE);
    }

    @Test
    void silenceGivesSpreadWordsNotAnError() {
        float[] quiet = new float[RATE * 3];
        List<Transcript.Word> out = aligner.align(quiet, List.of(new ForcedAligner.Segment(0.5, 2.5, "nothing was said here")));
        assertThat(out).hasSize(4);
        assertThat(out.get(0).start()).isGreaterThanOrEqualTo(0.5);
        assertThat(out.get(3).end()).isLessThanOrEqualTo(2.5 + 1e-9);
    }
}
