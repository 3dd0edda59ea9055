package dev.clipforge.deploy.cli;

import dev.clipforge.activities.media.SpeechAudio;
import dev.clipforge.activities.media.Wav;
import dev.clipforge.activities.samples.PackageMedia;
import dev.clipforge.activities.samples.SampleVideos;
import dev.clipforge.common.config.ClipforgeProperties;
import dev.clipforge.common.config.TranscriptionSettings;
import dev.clipforge.common.transcript.Transcript;
import dev.clipforge.gpu.asr.ForcedAligner;
import dev.clipforge.gpu.asr.OpenAiCompatibleSpeechToText;
import dev.clipforge.gpu.asr.SpeechToText;
import dev.clipforge.gpu.asr.SphinxSpeechToText;
import dev.clipforge.gpu.asr.WhisperCppSpeechToText;
import dev.clipforge.gpu.models.ModelFiles;
import dev.clipforge.gpu.transcribe.TranscriptionPipeline;
import dev.clipforge.gpu.vad.SileroVad;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code clipforge bench transcribe [minutes]}: the transcribe stage on minutes of real read speech (LibriVox
 * sentences laid end to end, with pauses), as a realtime factor: extraction of the 16 kHz speech audio from
 * a media file, then voice activity, chunking and recognition with every provider configured here (the
 * embedded Sphinx always; whisper-cpp and openai-compatible when their settings are set in the environment).
 */
final class TranscribeBench {
    private final PrintStream out;

    TranscribeBench(PrintStream out) {
        this.out = out;
    }

    int run(int minutes) {
        try {
            Path dir = Files.createTempDirectory("clipforge-bench-");
            double seconds = minutes * 60.0;
            out.printf(Locale.ROOT, "making %d minutes of LibriVox speech as an AAC file...%n", minutes);
            float[] speech = speech(seconds);
            Path media = dir.resolve("speech.m4a");
            SampleVideos.write(media, new SampleVideos.Spec(0, 0, 0, seconds, "mp4", speech, 16_000), i -> null);

            long t0 = System.nanoTime();
            Path wav = dir.resolve("speech.wav");
            SpeechAudio.extract(media, wav, () -> { });
            float[] samples = Wav.read(wav);
            double extract = (System.nanoTime() - t0) / 1e9;

            ClipforgeProperties p = Binder.get(new StandardEnvironment()).bindOrCreate("clipforge", ClipforgeProperties.class);
            TranscriptionSettings t = p.transcription();
            List<SpeechToText> providers = new ArrayList<>();
            providers.add(new SphinxSpeechToText(t.sphinxBeamWidth(), t.effectiveParallelism()));
            if (!p.whisper().model().isBlank()) {
                providers.add(new WhisperCppSpeechToText(Path.of(p.whisper().model()), p.whisper().language(),
                        p.whisper().threads(), t.effectiveParallelism(), p.whisper().useGpu()));
            }
            if (!t.openaiBaseUrl().isBlank()) {
                providers.add(new OpenAiCompatibleSpeechToText(t.openaiBaseUrl(), t.openaiApiKey(), t.openaiModel(),
                        t.openaiTimeout(), t.effectiveParallelism()));
            }
            try (SileroVad vad = new SileroVad(ModelFiles.extract(ModelFiles.SILERO_VAD, ModelFiles.SILERO_VAD_SHA256,
                    dir.resolve("models")), SileroVad.Settings.defaults())) {
                ForcedAligner aligner = new ForcedAligner(dir.resolve("align"));
                out.printf(Locale.ROOT, "%ntranscribe stage, %d minutes of speech, %d chunk(s) at once on %d processors:%n",
                        minutes, t.effectiveParallelism(), Runtime.getRuntime().availableProcessors());
                out.printf(Locale.ROOT, "  speech audio extraction: %.1f s (%.0fx realtime)%n", extract, seconds / extract);
                for (SpeechToText stt : providers) {
                    TranscriptionPipeline pipeline = new TranscriptionPipeline(vad, stt, aligner, t.effectiveParallelism(),
                            t.maxChunkSeconds(), t.minPauseSeconds());
                    long start = System.nanoTime();
                    Transcript result = pipeline.run(samples, 1, null, new NoChunkStore(), (stage, d, n) -> { });
                    double took = (System.nanoTime() - start) / 1e9;
                    out.printf(Locale.ROOT, "  %-18s %7.1f s = %.2fx realtime (%d words); whole stage %.2fx realtime%n",
                            stt.name() + ":", took, seconds / took, result.words().size(), seconds / (took + extract));
                    stt.close();
                }
            }
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** LibriVox sentences, two speakers taking turns, repeated until {@code seconds} are filled. */
    private static float[] speech(double seconds) {
        List<PackageMedia.Utterance> sentences = PackageMedia.librivox();
        double once = sentences.stream().mapToDouble(u -> u.seconds() + 0.8).sum();
        int repeats = (int) Math.ceil(seconds / once);
        float[] all = PackageMedia.sequence(sentences, 0.5, 0.8, 2, repeats).samples();
        return Arrays.copyOf(all, (int) (seconds * 16_000));
    }

    /** Every chunk is transcribed: a benchmark measures the work, not the cache. */
    private static final class NoChunkStore implements TranscriptionPipeline.ChunkStore {
        @Override
        public Optional<SpeechToText.Recognized> load(TranscriptionPipeline.Chunk chunk) {
            return Optional.empty();
        }

        @Override
        public void save(TranscriptionPipeline.Chunk chunk, SpeechToText.Recognized result) {
        }
    }
}
