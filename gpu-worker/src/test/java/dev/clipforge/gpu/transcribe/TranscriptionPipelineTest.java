package dev.clipforge.gpu.transcribe;

import dev.clipforge.activities.samples.PackageMedia;
import dev.clipforge.common.transcript.Transcript;
import dev.clipforge.gpu.asr.ForcedAligner;
import dev.clipforge.gpu.asr.SpeechToText;
import dev.clipforge.gpu.asr.SphinxSpeechToText;
import dev.clipforge.gpu.models.ModelFiles;
import dev.clipforge.gpu.vad.SileroVad;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded default on real read speech that nobody here wrote (LibriVox, with its reference text). */
class TranscriptionPipelineTest {
    /** Measured 0.282 on these sentences with the shipped settings (README); the test fails if it gets worse than this. */
    static final double MAX_WER = 0.42;
    static SileroVad vad;
    static SphinxSpeechToText sphinx;
    static ForcedAligner aligner;
    @TempDir
    static Path models;

    @BeforeAll
    static void load() {
        vad = new SileroVad(ModelFiles.extract(ModelFiles.SILERO_VAD, ModelFiles.SILERO_VAD_SHA256, models),
                SileroVad.Settings.defaults());
        sphinx = new SphinxSpeechToText(5000, 2);
        aligner = new ForcedAligner(models.resolve("align"));
    }

    @AfterAll
    static void close() {
        vad.close();
    }

    static final class MemoryChunks implements TranscriptionPipeline.ChunkStore {
        final Map<Integer, SpeechToText.Recognized> saved = new ConcurrentHashMap<>();

        @Override
        public Optional<SpeechToText.Recognized> load(TranscriptionPipeline.Chunk chunk) {
            return Optional.ofNullable(saved.get(chunk.index()));
        }

        @Override
        public void save(TranscriptionPipeline.Chunk chunk, SpeechToText.Recognized result) {
            saved.put(chunk.index(), result);
        }
    }

    @Test
    void transcribesRealSpeechWithinTheWerBoundAndInSourceTime() {
        PackageMedia.Speech speech = PackageMedia.sequence(PackageMedia.librivox(), 1.0, 1.0, 1, 1);
        // small chunks so the five sentences spread over both threads
        TranscriptionPipeline pipeline = new TranscriptionPipeline(vad, sphinx, aligner, 2, 8, 0.25);
        MemoryChunks chunks = new MemoryChunks();
        List<String> reports = new ArrayList<>();
        Transcript t = pipeline.run(speech.samples(), 1, null, chunks, (stage, done, total) -> reports.add(stage + " " + done
                + "/" + total));

        String reference = speech.placed().stream().map(p -> p.utterance().text()).collect(Collectors.joining(" "));
        String hypothesis = t.words().stream().map(Transcript.Word::text).collect(Collectors.joining(" "));
        double wer = WordErrorRate.of(reference, hypothesis);
        System.out.printf("sphinx WER on LibriVox: %.3f (%d reference words)%n", wer, WordErrorRate.normalise(reference).size());
        assertThat(wer).isLessThan(MAX_WER);
        assertThat(chunks.saved).hasSizeGreaterThan(1);
        // progress for heartbeats: the voice-activity pass over the whole recording, then each chunk
        assertThat(reports.get(0)).startsWith(TranscriptionPipeline.VOICE_ACTIVITY + " 30/");
        assertThat(reports).last().isEqualTo(TranscriptionPipeline.CHUNKS + " " + chunks.saved.size() + "/" + chunks.saved.size());
        assertThat(t.provider()).isEqualTo("sphinx");

        // words come back in source time: each sentence's first word starts near where it was placed
        for (PackageMedia.Placed p : speech.placed()) {
            Transcript.Word first = t.words().stream().filter(w -> w.start() >= p.start() - 0.3).findFirst().orElseThrow();
            assertThat(first.start()).as(p.utterance().id()).isBetween(p.start() - 0.3, p.start() + 0.6);
        }
        assertThat(t.words()).isSortedAccordingTo((a, b) -> Double.compare(a.start(), b.start()));
        // the gaps between sentences are pauses, and segments end at them
        assertThat(t.pauses().size()).isGreaterThanOrEqualTo(speech.placed().size() - 1);
        assertThat(t.segments().size()).isGreaterThanOrEqualTo(speech.placed().size());
    }

    @Test
    void aResumedRunSkipsFinishedChunks() {
        PackageMedia.Speech speech = PackageMedia.sequence(PackageMedia.librivox().subList(0, 2), 0.5, 1.0, 1, 1);
        TranscriptionPipeline pipeline = new TranscriptionPipeline(vad, sphinx, aligner, 1, 5, 0.25);
        MemoryChunks chunks = new MemoryChunks();
        Transcript first = pipeline.run(speech.samples(), 1, null, chunks, (stage, d, n) -> {
        });
        List<Integer> calls = new ArrayList<>();
        SpeechToText failing = new SpeechToText() {
            public String name() {
                return "sphinx";
            }

            public Recognized transcribe(float[] samples, String language) {
                calls.add(1);
                throw new AssertionError("a finished chunk was transcribed again");
            }

            public int maxParallel() {
                return 1;
            }
        };
        Transcript resumed = new TranscriptionPipeline(vad, failing, aligner, 1, 5, 0.25).run(speech.samples(), 1, null, chunks, (stage, d, n) -> {
        });
        assertThat(calls).isEmpty();
        assertThat(resumed.words()).isEqualTo(first.words());
    }

    @Test
    void aProviderThatTimesOnlySentencesGetsItsWordsAligned() {
        PackageMedia.Speech speech = PackageMedia.sequence(PackageMedia.librivox(), 1.0, 1.0, 1, 1);
        // stands in for a Whisper server without word timestamps: each chunk's true text, timed as one phrase
        SpeechToText sentences = new SpeechToText() {
            public String name() {
                return "sentences";
            }

            public Recognized transcribe(float[] samples, String language) {
                double seconds = samples.length / 16_000.0;
                String said = saidIn(speech, samples);
                return Recognized.untimed(said.isEmpty() ? List.of() : List.of(new Phrase(0, seconds, said)), "en");
            }

            public int maxParallel() {
                return 2;
            }
        };
        Transcript t = new TranscriptionPipeline(vad, sentences, aligner, 2, 30, 0.25).run(speech.samples(), 1, null,
                new MemoryChunks(), (stage, d, n) -> { });
        int total = 0;
        int inside = 0;
        for (Transcript.Word w : t.words()) {
            total++;
            double mid = (w.start() + w.end()) / 2;
            boolean withinItsSentence = speech.placed().stream().anyMatch(p -> mid >= p.start() - 0.1 && mid <= p.end() + 0.1
                    && (" " + p.utterance().text() + " ").contains(" " + w.text() + " "));
            if (withinItsSentence) {
                inside++;
            }
        }
        String all = speech.placed().stream().map(p -> p.utterance().text()).collect(Collectors.joining(" "));
        assertThat(t.words().stream().map(Transcript.Word::text).collect(Collectors.joining(" "))).isEqualTo(all);
        System.out.printf("aligned sentence-timed text: %d of %d words inside their sentence%n", inside, total);
        assertThat(inside).isEqualTo(total);
    }

    /** The reference text of the sentences whose middle falls in the chunk (found by matching the samples). */
    private static String saidIn(PackageMedia.Speech speech, float[] chunk) {
        List<String> out = new ArrayList<>();
        for (PackageMedia.Placed p : speech.placed()) {
            float[] utterance = p.utterance().samples();
            int mid = utterance.length / 2;
            for (int offset = -mid; offset + mid + 2 < chunk.length; offset++) {
                if (offset + mid >= 0 && chunk[offset + mid] == utterance[mid] && chunk[offset + mid + 1] == utterance[mid + 1]
                        && chunk[offset + mid + 2] == utterance[mid + 2]) {
                    out.add(p.utterance().text());
                    break;
                }
            }
        }
        return String.join(" ", out);
    }
}
