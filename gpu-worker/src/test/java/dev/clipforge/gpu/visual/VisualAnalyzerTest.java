package dev.clipforge.gpu.visual;

import dev.clipforge.activities.samples.PackageMedia;
import dev.clipforge.activities.samples.Podcasts;
import dev.clipforge.common.assets.ObjectKeys;
import dev.clipforge.common.visual.VisualTimeline;
import dev.clipforge.gpu.faces.BlazeFace;
import dev.clipforge.gpu.faces.HaarFaces;
import dev.clipforge.gpu.models.ModelFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Visual analysis on a generated two-person podcast whose speakers and faces are known. */
class VisualAnalyzerTest {
    static BlazeFace faces;
    static Podcasts.Made podcast;
    @TempDir
    static Path dir;

    @BeforeAll
    static void make() throws Exception {
        faces = new BlazeFace(ModelFiles.extract(ModelFiles.BLAZEFACE, ModelFiles.BLAZEFACE_SHA256, dir), 0.6, 0.3);
        PackageMedia.Speech speech = PackageMedia.sequence(PackageMedia.librivox(), 1.0, 0.8, 2, 1);
        podcast = Podcasts.twoPerson(dir.resolve("podcast.mp4"), 1280, 720, 25, speech);
    }

    @AfterAll
    static void close() {
        faces.close();
    }

    @Test
    void tracksBothPeopleAndKnowsWhoIsSpeaking() {
        VisualAnalyzer analyzer = new VisualAnalyzer(faces, new SpeakerScorer(), 5, 10);
        double end = podcast.speech().seconds();
        VisualTimeline t = analyzer.analyze(podcast.file(), 0, end, end, 1280, 720, podcast.speech().samples(), List.of(),
                VisualAnalyzer.uncached(), () -> {
                });

        assertThat(t.tracks()).hasSize(2);
        assertThat(t.detector()).isEqualTo("blazeface");
        assertThat(t.speakerModel()).isEqualTo("heuristic");
        assertThat(t.talkingHead()).isTrue();
        assertThat(t.faceCoverage()).isGreaterThan(0.95);
        assertThat(t.shots()).hasSize(1);
        // stable identities: the left track stays left, the right one right
        int left = t.tracks().stream().filter(k -> k.meanBox().cx() < 0.5).findFirst().orElseThrow().id();
        int right = t.tracks().stream().filter(k -> k.meanBox().cx() > 0.5).findFirst().orElseThrow().id();
        for (VisualTimeline.Sample s : t.samples()) {
            for (VisualTimeline.TrackedFace f : s.faces()) {
                assertThat(f.track()).isEqualTo(f.box().cx() < 0.5 ? left : right);
            }
        }

        SpeakerAccuracy a = SpeakerAccuracy.of(t, podcast);
        double accuracy = a.share();
        System.out.printf("active speaker accuracy on the generated podcast: %.3f over %d samples%n", accuracy, a.judged());
        assertThat(accuracy).isGreaterThan(0.9);
    }

    @Test
    void reusesCachedTilesForAnOverlappingWindow() {
        VisualAnalyzer analyzer = new VisualAnalyzer(faces, new SpeakerScorer(), 5, 10);
        Map<Double, TileScan> cache = new ConcurrentHashMap<>();
        AtomicInteger scanned = new AtomicInteger();
        VisualAnalyzer.TileStore store = (s, e, compute) -> cache.computeIfAbsent(s, k -> {
            scanned.incrementAndGet();
            try {
                return compute.compute();
            } catch (java.io.IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
        });
        double end = podcast.speech().seconds();
        analyzer.analyze(podcast.file(), 2, 14, end, 1280, 720, podcast.speech().samples(), List.of(), store, () -> {
        });
        assertThat(scanned).hasValue(2);
        VisualTimeline second = analyzer.analyze(podcast.file(), 12, 24, end, 1280, 720, podcast.speech().samples(), List.of(),
                store, () -> {
                });
        assertThat(scanned).hasValue(3);
        assertThat(second.start()).isEqualTo(12);
        assertThat(second.samples()).allMatch(s -> s.t() >= 12 && s.t() < 24);
    }

    @Test
    void cachedScansAndTimelinesAreKeptUnderTheSettingsTheyWereMadeWith() {
        VisualAnalyzer standard = new VisualAnalyzer(faces, new SpeakerScorer(), 5, 10);
        assertThat(standard.tileSettings()).isEqualTo("blazeface-min0.60-nms0.30_5fps_10s");
        assertThat(standard.timelineSettings()).isEqualTo("blazeface-min0.60-nms0.30_5fps_10s_heuristic");
        try (HaarFaces haar = new HaarFaces();
             BlazeFace lenient = new BlazeFace(ModelFiles.extract(ModelFiles.BLAZEFACE, ModelFiles.BLAZEFACE_SHA256, dir), 0.5, 0.3)) {
            List<String> tiles = List.of(standard.tileSettings(),
                    new VisualAnalyzer(haar, new SpeakerScorer(), 5, 10).tileSettings(),
                    new VisualAnalyzer(lenient, new SpeakerScorer(), 5, 10).tileSettings(),
                    new VisualAnalyzer(faces, new SpeakerScorer(), 2.5, 10).tileSettings(),
                    new VisualAnalyzer(faces, new SpeakerScorer(), 5, 8).tileSettings());
            assertThat(tiles).as("detector, its threshold, sampling rate and tile length each change the key").doesNotHaveDuplicates();
            assertThat(tiles.stream().map(k -> ObjectKeys.visualTile("prj_a", "ast_b", k, 10_000)).toList()).doesNotHaveDuplicates();
        }
        SpeakerScoring model = new SpeakerScoring() {
            public String name() {
                return "torchscript:speaker.pt";
            }

            public float[][] score(float[][] motion, float[][] present, float[] energy, double fps) {
                return motion;
            }
        };
        VisualAnalyzer withModel = new VisualAnalyzer(faces, model, 5, 10);
        assertThat(withModel.tileSettings()).as("the scorer does not change the scan").isEqualTo(standard.tileSettings());
        assertThat(ObjectKeys.visualTimeline("prj_a", "ast_b", 1, withModel.timelineSettings(), 0, 5000))
                .as("but it changes the timeline").isNotEqualTo(ObjectKeys.visualTimeline("prj_a", "ast_b", 1,
                        standard.timelineSettings(), 0, 5000))
                .endsWith("/visual/v1/blazeface-min0.60-nms0.30_5fps_10s_torchscript_speaker.pt/0-5000.json");
    }
}
