package dev.clipforge.gpu.asr;

import dev.clipforge.activities.media.Wav;
import dev.clipforge.common.transcript.Transcript;
import edu.cmu.sphinx.api.SpeechAligner;
import edu.cmu.sphinx.result.WordResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * Word timings for text whose words are known but not when they were said: a sidecar transcript, an
 * answer without word timestamps, a person's correction. Sphinx4's aligner places the words in the
 * audio of their segment; words it cannot place (out of its dictionary, or drowned out) are spread
 * between the neighbours it did place, by length. The aligner is not thread-safe: calls take turns.
 */
public final class ForcedAligner {
    /** Audio kept either side of a segment, so a segment boundary a little off still holds its words. */
    static final double PAD = 0.25;
    static final double ALIGNED_CONFIDENCE = 0.9;
    static final double SPREAD_CONFIDENCE = 0.3;
    /** Shortest time a word takes: a gap shorter than this per word cannot hold the words in it. */
    static final double MIN_WORD = 0.12;
    /** Rounds of aligning the words left unplaced within the gaps between placed ones. */
    static final int REFINE_PASSES = 2;
    /** Quiet shorter than this inside a word (a stop consonant) does not split it. */
    static final double BURST_GAP = 0.025;
    static final double MIN_BURST = 0.08;
    /** A brisk speaking pace, for words placed by length alone at the edge of a segment. */
    static final double SECONDS_PER_LETTER = 0.07;

    private final Path scratch;
    private SpeechAligner aligner;

    public ForcedAligner(Path scratch) {
        LeaveLoggingAlone.apply();
        try {
            this.scratch = Files.createDirectories(scratch);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + scratch, e);
        }
        this.aligner = newAligner();
    }

    private static SpeechAligner newAligner() {
        try {
            return new SpeechAligner(SphinxSpeechToText.ACOUSTIC_MODEL, SphinxSpeechToText.DICTIONARY, null);
        } catch (IOException e) {
            throw new UncheckedIOException("the Sphinx aligner could not load its model", e);
        }
    }

    /** A stretch of audio and the words said in it, in order. */
    public record Segment(double start, double end, String text) {
    }

    /**
     * @param speech 16 kHz mono samples of the whole recording (time 0 at index 0)
     * @return the words of every segment with times in the recording's time, in order
     */
    public List<Transcript.Word> align(float[] speech, List<Segment> segments) {
        return align(speech, segments, done -> { });
    }

    /** @param segmentsDone told after each segment how many are aligned: a whole sidecar takes about its duration */
    public List<Transcript.Word> align(float[] speech, List<Segment> segments, IntConsumer segmentsDone) {
        List<Transcript.Word> out = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            out.addAll(alignSegment(speech, segments.get(i)));
            segmentsDone.accept(i + 1);
        }
        return out;
    }

    private List<Transcript.Word> alignSegment(float[] speech, Segment s) {
        String[] words = s.text().trim().isEmpty() ? new String[0] : s.text().trim().split("\\s+");
        if (words.length == 0) {
            return List.of();
        }
        double[] starts = new double[words.length];
        double[] ends = new double[words.length];
        Arrays.fill(starts, Double.NaN);
        double total = speech.length / 16_000.0;
        place(speech, words, 0, words.length, Math.max(0, s.start() - PAD), Math.min(total, s.end() + PAD), starts, ends);
        for (int pass = 0; pass < REFINE_PASSES; pass++) {
            boolean changed = false;
            int i = 0;
            while (i < words.length) {
                if (!Double.isNaN(starts[i])) {
                    i++;
                    continue;
                }
                int j = i;
                while (j < words.length && Double.isNaN(starts[j])) {
                    j++;
                }
                // a right neighbour that leaves the gap too short for the words in it was placed wrongly
                while (j < words.length && starts[j] - (i == 0 ? s.start() : ends[i - 1]) < MIN_WORD * (j - i)) {
                    starts[j] = Double.NaN;
                    j++;
                    while (j < words.length && Double.isNaN(starts[j])) {
                        j++;
                    }
                }
                double from = i == 0 ? Math.max(0, s.start() - PAD) : ends[i - 1];
                double to = j == words.length ? Math.min(total, s.end() + PAD) : starts[j];
                changed |= place(speech, words, i, j, from, to, starts, ends) > 0;
                i = j;
            }
            if (!changed) {
                break;
            }
        }
        return spread(words, starts, ends, s.start(), s.end(), speech);
    }

    /** Aligns words [i, j) inside [from, to); returns how many it placed. */
    private int place(float[] speech, String[] words, int i, int j, double from, double to, double[] starts, double[] ends) {
        if (to - from < MIN_WORD) {
            return 0;
        }
        String[] run = Arrays.copyOfRange(words, i, j);
        List<WordResult> results = run(Arrays.copyOfRange(speech, (int) (from * 16_000), (int) (to * 16_000)), run);
        // the aligner reports the words it placed in order, lower-cased and without punctuation
        int next = i;
        int placed = 0;
        for (WordResult r : results) {
            if (r.isFiller()) {
                continue;
            }
            String spelled = r.getWord().getSpelling();
            for (int k = next; k < j; k++) {
                if (normalise(words[k]).equals(spelled)) {
                    starts[k] = from + r.getTimeFrame().getStart() / 1000.0;
                    ends[k] = from + r.getTimeFrame().getEnd() / 1000.0;
                    next = k + 1;
                    placed++;
                    break;
                }
            }
        }
        return placed;
    }

    private synchronized List<WordResult> run(float[] samples, String[] words) {
        Path wav = null;
        try {
            wav = Files.createTempFile(scratch, "align-", ".wav");
            Wav.write(wav, samples, 16_000);
            StringBuilder text = new StringBuilder();
            for (String w : words) {
                String n = normalise(w);
                if (!n.isEmpty()) {
                    text.append(text.length() == 0 ? "" : " ").append(n);
                }
            }
            if (text.length() == 0) {
                return List.of();
            }
            List<WordResult> results;
            try {
                results = aligner.align(wav.toUri().toURL(), text.toString());
            } catch (RuntimeException e) {
                // Sphinx's long-text aligner cannot take a run of fewer than three words; those are spread
                results = List.of();
            }
            if (results.isEmpty()) {
                // Sphinx's aligner keeps a search that found nothing (silence, noise) and finds nothing after it
                aligner = newAligner();
            }
            return results;
        } catch (IOException e) {
            throw new UncheckedIOException("aligning a segment", e);
        } finally {
            if (wav != null) {
                try {
                    Files.deleteIfExists(wav);
                } catch (IOException ignored) {
                    // a leftover scratch file is removed with the scratch directory
                }
            }
        }
    }

    /**
     * Placed words keep their times. The others go where there is sound between their placed neighbours:
     * one word to each of the longest bursts of sound when there are enough, otherwise shared out by
     * length over the stretch from the first sound to the last.
     *
     * @param speech the recording (16 kHz), or null to share by length alone
     */
    static List<Transcript.Word> spread(String[] words, double[] starts, double[] ends, double segStart, double segEnd,
                                        float[] speech) {
        List<Transcript.Word> out = new ArrayList<>();
        int i = 0;
        while (i < words.length) {
            if (!Double.isNaN(starts[i])) {
                out.add(new Transcript.Word(words[i], starts[i], Math.max(starts[i] + 0.01, ends[i]), ALIGNED_CONFIDENCE));
                i++;
                continue;
            }
            int j = i;
            while (j < words.length && Double.isNaN(starts[j])) {
                j++;
            }
            double gapStart = i == 0 ? segStart : Math.max(ends[i - 1], segStart);
            double gapEnd = j == words.length ? segEnd : starts[j];
            if (gapEnd <= gapStart) {
                gapEnd = gapStart + 0.05 * (j - i);
            }
            List<double[]> bursts = speech == null ? List.of() : bursts(speech, gapStart, gapEnd);
            if (bursts.size() > j - i) {
                // more bursts than words: the words are the longest ones (the rest are breaths and neighbours' edges)
                List<double[]> longest = new ArrayList<>(bursts);
                longest.sort((a, b) -> Double.compare(b[1] - b[0], a[1] - a[0]));
                List<double[]> kept = longest.subList(0, j - i);
                bursts = bursts.stream().filter(kept::contains).toList();
            }
            if (bursts.size() == j - i) {
                for (int k = i; k < j; k++) {
                    double[] b = bursts.get(k - i);
                    out.add(new Transcript.Word(words[k], b[0], b[1], SPREAD_CONFIDENCE));
                }
            } else {
                if (!bursts.isEmpty()) {
                    gapStart = bursts.get(0)[0];
                    gapEnd = bursts.get(bursts.size() - 1)[1];
                }
                int letters = 0;
                for (int k = i; k < j; k++) {
                    letters += words[k].length() + 1;
                }
                // words at a segment's edge keep to a speaking pace next to their placed neighbour, not the whole gap
                double paced = letters * SECONDS_PER_LETTER;
                if (gapEnd - gapStart > paced && (i == 0) != (j == words.length)) {
                    if (i == 0) {
                        gapStart = gapEnd - paced;
                    } else {
                        gapEnd = gapStart + paced;
                    }
                }
                double t = gapStart;
                for (int k = i; k < j; k++) {
                    double d = (gapEnd - gapStart) * (words[k].length() + 1) / letters;
                    out.add(new Transcript.Word(words[k], t, t + d, SPREAD_CONFIDENCE));
                    t += d;
                }
            }
            i = j;
        }
        return out;
    }

    /**
     * Stretches of sound in [from, to): 10 ms windows louder than a tenth of the loudest window there,
     * joined across quiet shorter than {@link #BURST_GAP}, and at least {@link #MIN_BURST} long.
     */
    static List<double[]> bursts(float[] speech, double from, double to) {
        int step = 160;
        int a = (int) Math.max(0, from * 16_000);
        int b = (int) Math.min(speech.length, to * 16_000);
        int n = Math.max(0, (b - a) / step);
        double[] rms = new double[n];
        double peak = 0;
        for (int w = 0; w < n; w++) {
            double sum = 0;
            for (int k = a + w * step; k < a + (w + 1) * step; k++) {
                sum += speech[k] * speech[k];
            }
            rms[w] = Math.sqrt(sum / step);
            peak = Math.max(peak, rms[w]);
        }
        List<double[]> out = new ArrayList<>();
        if (peak < 1e-4) {
            return out;
        }
        for (int w = 0; w < n; w++) {
            if (rms[w] < peak * 0.1) {
                continue;
            }
            double start = (a + w * step) / 16_000.0;
            double end = (a + (w + 1) * step) / 16_000.0;
            if (!out.isEmpty() && start - out.get(out.size() - 1)[1] < BURST_GAP) {
                out.get(out.size() - 1)[1] = end;
            } else {
                out.add(new double[]{start, end});
            }
        }
        // a scrap of sound is the tail of a placed neighbour or a breath, not a word
        out.removeIf(burst -> burst[1] - burst[0] < MIN_BURST);
        return out;
    }

    static String normalise(String word) {
        return word.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{Nd}']", "");
    }
}
