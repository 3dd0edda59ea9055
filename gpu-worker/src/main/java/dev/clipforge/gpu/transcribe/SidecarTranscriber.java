package dev.clipforge.gpu.transcribe;

import dev.clipforge.common.transcript.Segmenter;
import dev.clipforge.common.transcript.Sidecars;
import dev.clipforge.common.transcript.Transcript;
import dev.clipforge.gpu.asr.ForcedAligner;
import dev.clipforge.gpu.vad.SileroVad;

import java.util.List;

/**
 * A transcript from a sidecar uploaded with the asset: its words as timed in the file, or its cues' words
 * aligned to the audio within each cue. Speech and pauses still come from the audio. Both passes report
 * progress, since over a long recording each takes minutes.
 */
public final class SidecarTranscriber {
    public static final String PROVIDER = "sidecar";

    private final SileroVad vad;
    private final ForcedAligner aligner;
    private final double minPauseSeconds;

    public SidecarTranscriber(SileroVad vad, ForcedAligner aligner, double minPauseSeconds) {
        this.vad = vad;
        this.aligner = aligner;
        this.minPauseSeconds = minPauseSeconds;
    }

    public Transcript transcribe(Sidecars.Parsed sidecar, float[] samples, int analysisVersion,
                                 TranscriptionPipeline.Progress progress) {
        double total = samples.length / (double) SileroVad.SAMPLE_RATE;
        List<Transcript.Span> speech = vad.speech(samples, heard -> progress.report(TranscriptionPipeline.VOICE_ACTIVITY,
                Math.round(heard), Math.round(total)));
        List<Transcript.Word> words = sidecar.wordTimed() ? sidecar.words()
                : aligner.align(samples, sidecar.cues().stream().map(c -> new ForcedAligner.Segment(c.start(), c.end(), c.text()))
                .toList(), done -> progress.report(TranscriptionPipeline.ALIGNING, done, sidecar.cues().size()));
        List<Transcript.Span> pauses = SileroVad.pauses(speech, total, minPauseSeconds);
        return new Transcript(analysisVersion, sidecar.language(), PROVIDER, total, words, Segmenter.segments(words, pauses),
                speech, pauses);
    }
}
