package dev.clipforge.gpu.visual;

import dev.clipforge.activities.samples.PackageMedia;
import dev.clipforge.activities.samples.Podcasts;
import dev.clipforge.common.visual.VisualTimeline;
import dev.clipforge.gpu.faces.BlazeFace;
import dev.clipforge.gpu.models.ModelFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An operator's TorchScript active-speaker model replaces the built-in scorer. The models are made by
 * {@code src/test/torchscript/make_speaker_models.py} with Debian's python3-torch and checked in.
 */
class TorchScriptSpeakerScorerTest {
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
    void aModelOfMotionAndEnergyFindsTheSpeaker() {
        try (TorchScriptSpeakerScorer model = new TorchScriptSpeakerScorer(model("motion_energy.pt"))) {
            assertThat(model.name()).isEqualTo("torchscript:motion_energy.pt");
            double accuracy = accuracy(analyse(model));
            System.out.printf("active speaker with the TorchScript motion-energy model: %.3f%n", accuracy);
            assertThat(accuracy).isGreaterThan(0.9);
        }
    }

    @Test
    void theModelNotTheHeuristicDecides() {
        try (TorchScriptSpeakerScorer model = new TorchScriptSpeakerScorer(model("first_track.pt"))) {
            VisualTimeline t = analyse(model);
            assertThat(t.speakerModel()).isEqualTo("torchscript:first_track.pt");
            int first = t.tracks().stream().min(Comparator.comparingInt(VisualTimeline.Track::id)).orElseThrow().id();
            for (VisualTimeline.Sample s : t.samples()) {
                for (VisualTimeline.TrackedFace f : s.faces()) {
                    assertThat(f.speaking() > 0.5).as("track %d at %.1f s", f.track(), s.t()).isEqualTo(f.track() == first);
                }
            }
            assertThat(accuracy(t)).as("so it is right only while the first track's person speaks").isLessThan(0.7);
        }
    }

    @Test
    void modelsThatCannotServeAreRefusedAtStart() throws Exception {
        assertThatThrownBy(() -> new TorchScriptSpeakerScorer(dir.resolve("missing.pt")))
                .hasMessageContaining("does not exist").hasMessageContaining("CLIPFORGE_VISUAL_SPEAKERMODEL");
        Path junk = dir.resolve("junk.pt");
        Files.writeString(junk, "not a model");
        assertThatThrownBy(() -> new TorchScriptSpeakerScorer(junk))
                .hasMessageContaining("not a TorchScript model").hasMessageContaining("torch.jit.save");
        assertThatThrownBy(() -> new TorchScriptSpeakerScorer(model("wrong_shape.pt")))
                .hasMessageContaining("does not keep ClipForge's contract").hasMessageContaining("[tracks, frames]");
    }

    private static VisualTimeline analyse(SpeakerScoring scoring) {
        double end = podcast.speech().seconds();
        return new VisualAnalyzer(faces, scoring, 5, 10).analyze(podcast.file(), 0, end, end, 1280, 720,
                podcast.speech().samples(), List.of(), VisualAnalyzer.uncached(), () -> { });
    }

    private static double accuracy(VisualTimeline t) {
        return SpeakerAccuracy.of(t, podcast).share();
    }

    private static Path model(String name) {
        try {
            return Path.of(TorchScriptSpeakerScorerTest.class.getResource("/speaker-models/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
