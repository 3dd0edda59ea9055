package dev.clipforge.gpu.visual;

import dev.clipforge.common.visual.Box;
import dev.clipforge.common.visual.VisualTimeline;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

import static org.assertj.core.api.Assertions.assertThat;

/** Face tracks across gaps and cuts, on scans written to order: 25 fps, faces sampled at 5 fps, 12 s. */
class TimelineBuilderTest {
    static final double FPS = 25;
    static final double SECONDS = 12;
    static final SpeakerScoring SILENT = new SpeakerScoring() {
        public String name() {
            return "none";
        }

        public float[][] score(float[][] motion, float[][] present, float[] energy, double fps) {
            return new float[motion.length][energy.length];
        }
    };

    @Test
    void aFaceBackWhereItWasAfterAGapIsTheSamePersonAndOneElsewhereIsSomeoneNew() {
        Box seat = new Box(0.3, 0.3, 0.15, 0.25);
        Box across = new Box(0.7, 0.3, 0.15, 0.25);
        // one shot: seen 0-3 s, gone 3-6 s (turned away), back in the seat 6-9 s, then at the other side 9-12 s
        VisualTimeline t = build(at -> at < 3 || at >= 6 && at < 9 ? List.of(seat) : at >= 9 ? List.of(across) : List.of(),
                List.of());
        assertThat(t.shots()).hasSize(1);
        assertThat(trackAt(t, 7)).as("re-found in its seat after 3 s away").isEqualTo(trackAt(t, 1));
        assertThat(trackAt(t, 10)).as("a face somewhere else is not assumed to be them").isNotEqualTo(trackAt(t, 7));
    }

    @Test
    void noTrackCrossesAShotCut() {
        Box seat = new Box(0.3, 0.3, 0.15, 0.25);
        VisualTimeline t = build(at -> List.of(seat), List.of(6.0));
        assertThat(t.shots()).hasSize(2);
        assertThat(t.shots().get(1).start()).isEqualTo(6.0);
        assertThat(trackAt(t, 5.8)).as("the same place on both sides of a cut is a new shot's face").isNotEqualTo(trackAt(t, 6.2));
        assertThat(trackAt(t, 1)).isEqualTo(trackAt(t, 5.8));
        assertThat(trackAt(t, 6.2)).isEqualTo(trackAt(t, 11));
        assertThat(t.tracks()).hasSize(2);
    }

    private static int trackAt(VisualTimeline t, double at) {
        return t.at(at).faces().get(0).track();
    }

    /** One tile of scans: the faces at each sample, a picture change of 0.01 per frame with a jump at each cut. */
    private static VisualTimeline build(DoubleFunction<List<Box>> faces, List<Double> cuts) {
        List<TileScan.SampleFaces> samples = new ArrayList<>();
        List<double[]> motion = new ArrayList<>();
        List<double[]> change = new ArrayList<>();
        int sample = -1;
        for (int i = 0; i < SECONDS * FPS; i++) {
            double t = i / FPS;
            if (i % 5 == 0) {
                sample++;
                samples.add(new TileScan.SampleFaces(sample, t, faces.apply(t).stream()
                        .map(b -> new TileScan.DetectedFace(b, 0.9, b.cx(), b.y() + b.h() * 0.8)).toList()));
            }
            double[] row = new double[2 + samples.get(sample).faces().size()];
            row[0] = t;
            row[1] = sample;
            motion.add(row);
            boolean cut = cuts.stream().anyMatch(c -> Math.abs(c - t) < 1e-9);
            change.add(new double[]{t, cut ? 0.3 : 0.01});
        }
        TileScan tile = new TileScan(0, SECONDS, 1280, 720, FPS, samples, motion, change);
        return new TimelineBuilder(SILENT, "test").build(List.of(tile), 0, SECONDS, 5, new float[(int) (SECONDS / 0.02)], 0.02);
    }
}
