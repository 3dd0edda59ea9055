package dev.clipforge.gpu.faces;

import dev.clipforge.activities.media.FrameGrabs;
import dev.clipforge.activities.samples.PackageMedia;
import dev.clipforge.activities.samples.Podcasts;
import dev.clipforge.common.config.VisualSettings;
import dev.clipforge.common.visual.Box;
import dev.clipforge.common.visual.VisualTimeline;
import dev.clipforge.gpu.models.ModelFiles;
import dev.clipforge.gpu.visual.SpeakerAccuracy;
import dev.clipforge.gpu.visual.SpeakerScorer;
import dev.clipforge.gpu.visual.VisualAnalyzer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fallback detector from the OpenCV jar: the same faces as BlazeFace on the podcast, and a usable timeline. */
class HaarFacesTest {
    static Podcasts.Made podcast;
    @TempDir
    static Path dir;

    @BeforeAll
    static void make() throws Exception {
        PackageMedia.Speech speech = PackageMedia.sequence(PackageMedia.librivox(), 1.0, 0.8, 2, 1);
        podcast = Podcasts.twoPerson(dir.resolve("podcast.mp4"), 1280, 720, 25, speech);
    }

    @Test
    void findsTheFacesBlazeFaceFinds() throws Exception {
        BufferedImage frame = FrameGrabs.grab(podcast.file(), List.of(2.0)).get(0).image();
        List<Face> haar;
        try (HaarFaces detector = new HaarFaces(); FaceDetector.Session s = detector.session()) {
            haar = s.detect(frame);
        }
        List<Face> blaze;
        try (BlazeFace detector = new BlazeFace(ModelFiles.extract(ModelFiles.BLAZEFACE, ModelFiles.BLAZEFACE_SHA256, dir), 0.6, 0.3);
             FaceDetector.Session s = detector.session()) {
            blaze = s.detect(frame);
        }
        assertThat(blaze).hasSize(2);
        assertThat(haar).hasSize(2);
        for (Face b : blaze) {
            Face match = haar.stream().max(Comparator.comparingDouble(h -> h.box().iou(b.box()))).orElseThrow();
            assertThat(match.box().iou(b.box())).as("Haar box over BlazeFace box %s", b.box()).isGreaterThan(0.4);
            assertThat(match.box().inside(new Box(0, 0, 1, 1), 0)).isTrue();
        }
    }

    @Test
    void drivesTheVisualTimelineWithoutAModelRuntime() {
        double end = podcast.speech().seconds();
        VisualTimeline t;
        try (HaarFaces detector = new HaarFaces()) {
            t = new VisualAnalyzer(detector, new SpeakerScorer(), 5, 10).analyze(podcast.file(), 0, end, end, 1280, 720,
                    podcast.speech().samples(), List.of(), VisualAnalyzer.uncached(), () -> { });
        }
        assertThat(t.tracks()).hasSize(2);
        assertThat(t.detector()).as("the timeline names the detector that found its faces").isEqualTo("haar");
        assertThat(t.faceCoverage()).isGreaterThan(0.9);
        SpeakerAccuracy a = SpeakerAccuracy.of(t, podcast);
        System.out.printf("active speaker with Haar faces: %d of %d samples%n", a.right(), a.judged());
        assertThat(a.share()).isGreaterThan(0.8);
    }

    @Test
    void anUnknownDetectorIsRefusedByName() {
        assertThatThrownBy(() -> new VisualSettings(5, 10, 0.6, DataSize.ofGigabytes(1), "yolo", ""))
                .hasMessageContaining("clipforge.visual.face-detector").hasMessageContaining("blazeface or haar");
    }
}
