package dev.clipforge.gpu.transcribe;

import dev.clipforge.activities.samples.PackageMedia;
import dev.clipforge.common.transcript.Sidecars;
import dev.clipforge.common.transcript.Subtitles;
import dev.clipforge.common.transcript.Transcript;
import dev.clipforge.gpu.asr.ForcedAligner;
import dev.clipforge.gpu.models.ModelFiles;
import dev.clipforge.gpu.vad.SileroVad;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A subtitle sidecar over LibriVox speech: its words aligned within their cues, and both long passes (voice
 * activity over the whole recording, alignment cue by cue) reporting progress as they go, which the activity
 * turns into heartbeats.
 */
class SidecarTranscriberTest {
    static SileroVad vad;
    static ForcedAligner aligner;
    @TempDir
    static Path dir;

    @BeforeAll
    static void load() {
        vad = new SileroVad(ModelFiles.extract(ModelFiles.SILERO_VAD, ModelFiles.SILERO_VAD_SHA256, dir), SileroVad.Settings.defaults());
        aligner = new ForcedAligner(dir.resolve("align"));
    }

    @AfterAll
    static void close() {
        vad.close();
    }

    @Test
    void cuesAreAlignedAndEveryLongPassReportsProgress() {
        PackageMedia.Speech speech = PackageMedia.sequence(PackageMedia.librivox(), 1.0, 1.5, 1, 1);
        List<Subtitles.Cue> cues = speech.placed().stream()
                .map(p -> new Subtitles.Cue(p.start(), p.end(), p.utterance().text())).toList();
        String vtt = "WEBVTT\nLanguage: en-GB\n\n" + Subtitles.vtt(cues).substring("WEBVTT\n\n".length());
        List<String> reports = new ArrayList<>();
        Transcript t = new SidecarTranscriber(vad, aligner, 0.25).transcribe(Sidecars.parse(Sidecars.Format.VTT, vtt),
                speech.samples(), 3, (stage, done, total) -> reports.add(stage + " " + done + "/" + total));

        assertThat(t.provider()).isEqualTo("sidecar");
        assertThat(t.language()).isEqualTo("en-GB");
        assertThat(t.analysisVersion()).isEqualTo(3);
        int w = 0;
        for (Subtitles.Cue cue : cues) {
            for (String said : cue.text().split(" ")) {
                Transcript.Word word = t.words().get(w++);
                assertThat(word.text()).isEqualTo(said);
                assertThat((word.start() + word.end()) / 2).as(said).isBetween(cue.start(), cue.end());
            }
        }
        assertThat(w).isEqualTo(t.words().size());

        long total = Math.round(speech.seconds());
        System.out.printf("sidecar progress over %d s of speech: %s%n", total, reports);
        assertThat(reports).as("voice activity every 30 s of audio, then alignment cue by cue")
                .startsWith(TranscriptionPipeline.VOICE_ACTIVITY + " 30/" + total)
                .endsWith(TranscriptionPipeline.ALIGNING + " 1/5", TranscriptionPipeline.ALIGNING + " 2/5",
                        TranscriptionPipeline.ALIGNING + " 3/5", TranscriptionPipeline.ALIGNING + " 4/5",
                        TranscriptionPipeline.ALIGNING + " 5/5");
    }
}
