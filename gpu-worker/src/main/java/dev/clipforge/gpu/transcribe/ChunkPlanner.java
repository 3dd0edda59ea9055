package dev.clipforge.gpu.transcribe;

import dev.clipforge.common.transcript.Transcript;
import dev.clipforge.gpu.vad.SileroVad;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts speech into chunks of at most a given length. Chunks end at pauses where there are pauses; a stretch
 * of speech longer than the limit is cut at its quietest moment near the limit (most often the gap between
 * two words). Each chunk hears a little beyond its own stretch: across a pause enough to hear an edge word
 * whole, across a cut in speech more than a word's length, so that a word the cut runs through is heard
 * whole by both chunks and {@link ChunkStitcher} keeps it once.
 */
final class ChunkPlanner {
    /** Audio heard beyond a join that lies in a pause: a word at the edge of speech is heard whole. */
    static final double PAUSE_OVERLAP = 0.15;
    /** Audio heard beyond a cut inside speech: longer than most words. */
    static final double SPEECH_OVERLAP = 0.6;
    /** A cut inside speech is sought in the last part of the limit, so chunks stay long: from 60% of it to all of it. */
    static final double SEARCH_FROM = 0.6;
    /** Loudness is measured over 10 ms and smoothed over 50 ms, the length of a short gap between words. */
    static final int FRAME = SileroVad.SAMPLE_RATE / 100;
    static final int SMOOTH_FRAMES = 5;

    private ChunkPlanner() {
    }

    /**
     * @param speech  speech regions in order
     * @param samples the recording, 16 kHz mono, to find the quietest moments in
     */
    static List<TranscriptionPipeline.Chunk> plan(List<Transcript.Span> speech, float[] samples, double max) {
        double total = samples.length / (double) SileroVad.SAMPLE_RATE;
        float[] loudness = loudness(samples);
        List<TranscriptionPipeline.Chunk> out = new ArrayList<>();
        double start = -1;
        double end = -1;
        boolean startsAtCut = false;
        for (Transcript.Span s : speech) {
            if (start >= 0 && s.end() - start > max) {
                out.add(chunk(out.size(), start, end, startsAtCut, false, total));
                start = -1;
            }
            if (start < 0) {
                start = s.start();
                startsAtCut = false;
            }
            end = Math.min(s.end(), total);
            while (end - start > max) {
                double cut = quietest(loudness, start + SEARCH_FROM * max, start + max);
                out.add(chunk(out.size(), start, cut, startsAtCut, true, total));
                start = cut;
                startsAtCut = true;
            }
        }
        if (start >= 0) {
            out.add(chunk(out.size(), start, end, startsAtCut, false, total));
        }
        return out;
    }

    private static TranscriptionPipeline.Chunk chunk(int index, double start, double end, boolean startsAtCut, boolean endsAtCut,
                                                     double total) {
        return new TranscriptionPipeline.Chunk(index, start, end, Math.max(0, start - (startsAtCut ? SPEECH_OVERLAP : PAUSE_OVERLAP)),
                Math.min(total, end + (endsAtCut ? SPEECH_OVERLAP : PAUSE_OVERLAP)));
    }

    /** The time of the quietest smoothed frame in [from, to]; the later one of equals, to keep chunks long. */
    static double quietest(float[] loudness, double from, double to) {
        int a = Math.max(0, (int) Math.ceil(from * 100));
        int b = Math.min(loudness.length - 1, (int) Math.floor(to * 100));
        if (b < a) {
            return to;
        }
        int best = b;
        for (int f = b; f >= a; f--) {
            if (loudness[f] < loudness[best]) {
                best = f;
            }
        }
        return (best + 0.5) / 100.0;
    }

    /** RMS per 10 ms frame, averaged over {@link #SMOOTH_FRAMES} frames centred on each. */
    static float[] loudness(float[] samples) {
        int frames = samples.length / FRAME;
        double[] rms = new double[frames];
        for (int f = 0; f < frames; f++) {
            double sum = 0;
            for (int i = f * FRAME; i < (f + 1) * FRAME; i++) {
                sum += samples[i] * samples[i];
            }
            rms[f] = Math.sqrt(sum / FRAME);
        }
        float[] out = new float[frames];
        int half = SMOOTH_FRAMES / 2;
        for (int f = 0; f < frames; f++) {
            double sum = 0;
            int n = 0;
            for (int k = Math.max(0, f - half); k <= Math.min(frames - 1, f + half); k++) {
                sum += rms[k];
                n++;
            }
            out[f] = (float) (sum / n);
        }
        return out;
    }
}
