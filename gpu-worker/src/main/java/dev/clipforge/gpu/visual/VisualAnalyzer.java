package dev.clipforge.gpu.visual;

import dev.clipforge.common.transcript.Transcript;
import dev.clipforge.common.visual.VisualTimeline;
import dev.clipforge.gpu.faces.FaceDetector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Analyses a range of a source: scans the fixed-length tiles that cover it (reusing cached ones), then
 * builds the timeline over exactly the range.
 */
public final class VisualAnalyzer {
    /** Audio frames for speech energy: 20 ms. */
    static final double ENERGY_STEP = 0.02;

    public interface TileStore {
        /** The cached scan of the tile starting at {@code start}, or computes, caches and returns it. */
        TileScan tile(double start, double end, TileComputation compute);
    }

    public interface TileComputation {
        TileScan compute() throws IOException;
    }

    private final FaceDetector faces;
    private final SpeakerScoring speakers;
    private final double sampleFps;
    private final double tileSeconds;

    public VisualAnalyzer(FaceDetector faces, SpeakerScoring speakers, double sampleFps, double tileSeconds) {
        this.faces = faces;
        this.speakers = speakers;
        this.sampleFps = sampleFps;
        this.tileSeconds = tileSeconds;
    }

    /**
     * What a tile scan depends on besides the source: the detector and its thresholds, the sampling rate and the
     * tile length. Cached scans are kept under it, so a change of configuration scans afresh.
     */
    public String tileSettings() {
        return String.format(java.util.Locale.ROOT, "%s_%sfps_%ss", faces.settings(), number(sampleFps), number(tileSeconds));
    }

    /** What a timeline depends on besides its tiles' settings: the active-speaker scorer. */
    public String timelineSettings() {
        return tileSettings() + "_" + speakers.name();
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /**
     * @param speech     16 kHz mono speech audio covering [start, end), or null for a source without audio
     * @param speechSpans where voice activity heard speech, to gate the energy; empty = energy alone
     */
    public VisualTimeline analyze(Path source, double start, double end, double sourceDuration, int displayWidth,
                                  int displayHeight, float[] speech, List<Transcript.Span> speechSpans, TileStore tiles,
                                  Runnable heartbeat) {
        List<TileScan> scans = new ArrayList<>();
        try (FaceDetector.Session session = faces.session()) {
            FrameScanner scanner = new FrameScanner(session, sampleFps);
            for (double t = Math.floor(start / tileSeconds) * tileSeconds; t < end; t += tileSeconds) {
                double tileStart = t;
                double tileEnd = Math.min(sourceDuration, t + tileSeconds);
                scans.add(tiles.tile(tileStart, tileEnd,
                        () -> scanner.scan(source, tileStart, tileEnd, displayWidth, displayHeight, heartbeat)));
                heartbeat.run();
            }
        }
        float[] energy = energy(speech, start, end, speechSpans);
        return new TimelineBuilder(speakers, faces.name()).build(scans, start, end, sampleFps, energy, ENERGY_STEP);
    }

    /** Speech energy per 20 ms above the recording's noise floor, zero outside detected speech. */
    static float[] energy(float[] speech, double start, double end, List<Transcript.Span> spans) {
        int frames = (int) Math.ceil((end - start) / ENERGY_STEP);
        float[] out = new float[frames];
        if (speech == null) {
            return out;
        }
        int per = (int) Math.round(16_000 * ENERGY_STEP);
        float[] rms = new float[frames];
        for (int f = 0; f < frames; f++) {
            double sum = 0;
            int from = f * per;
            int n = 0;
            for (int i = from; i < Math.min(speech.length, from + per); i++) {
                sum += speech[i] * speech[i];
                n++;
            }
            rms[f] = n == 0 ? 0 : (float) Math.sqrt(sum / n);
        }
        float[] sorted = rms.clone();
        java.util.Arrays.sort(sorted);
        float floor = sorted.length == 0 ? 0 : sorted[(int) (sorted.length * 0.2)];
        for (int f = 0; f < frames; f++) {
            double t = start + (f + 0.5) * ENERGY_STEP;
            boolean inSpeech = spans.isEmpty() || spans.stream().anyMatch(s -> t >= s.start() && t < s.end());
            out[f] = inSpeech ? Math.max(0, rms[f] - 1.5f * floor) : 0;
        }
        return out;
    }

    /** Convenience for callers with no cache: every tile is scanned. */
    public static TileStore uncached() {
        return (s, e, compute) -> {
            try {
                return compute.compute();
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        };
    }

}
