package dev.clipforge.gpu.transcribe;

import dev.clipforge.activities.samples.PackageMedia;
import dev.clipforge.common.transcript.Transcript;
import dev.clipforge.gpu.asr.EspeakWords;
import dev.clipforge.gpu.asr.ForcedAligner;
import dev.clipforge.gpu.asr.SpeechToText;
import dev.clipforge.gpu.asr.SphinxSpeechToText;
import dev.clipforge.gpu.models.ModelFiles;
import dev.clipforge.gpu.vad.SileroVad;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.nio.file.Path;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Speech longer than a chunk, cut into chunks and stitched back: no word twice, none lost, times in order.
 * The stretch is continuous espeak-ng speech (pauses between words of 0 to 40 ms, shorter than the pause
 * voice activity needs), so every join is a cut inside speech.
 */
class ChunkingTest {
    static final List<String> SENTENCES = List.of(
            "the quick brown fox jumps over the lazy dog",
            "we talked about captions that follow every spoken word",
            "a good clip starts with a hook and ends with a payoff",
            "nobody wants to watch a camera that looks at the wall",
            "seven people joined the meeting on a rainy thursday afternoon");
    static SileroVad vad;
    static ForcedAligner aligner;
    static EspeakWords.Spoken continuous;
    @TempDir
    static Path dir;

    @BeforeAll
    static void load() throws Exception {
        vad = new SileroVad(ModelFiles.extract(ModelFiles.SILERO_VAD, ModelFiles.SILERO_VAD_SHA256, dir),
                SileroVad.Settings.defaults());
        aligner = new ForcedAligner(dir.resolve("align"));
        continuous = EspeakWords.say(SENTENCES, 0.5, n -> 0.01 * (n % 5), 0.04, dir);
    }

    @AfterAll
    static void close() {
        vad.close();
    }

    @Test
    void aLongStretchIsCutAtItsQuietestMomentNearTheLimit() {
        // 20 s of loud noise with one quiet 60 ms dip at 7.3 s and a softer one at 4.0 s
        java.util.Random random = new java.util.Random(7);
        float[] samples = new float[20 * 16_000];
        for (int i = 0; i < samples.length; i++) {
            double t = i / 16_000.0;
            double gain = Math.abs(t - 7.33) < 0.03 ? 0.01 : Math.abs(t - 4.0) < 0.03 ? 0.05 : 0.5;
            samples[i] = (float) (random.nextGaussian() * 0.3 * gain);
        }
        List<TranscriptionPipeline.Chunk> chunks = ChunkPlanner.plan(List.of(new Transcript.Span(0.5, 19.5)), samples, 8);
        assertThat(chunks.get(0).start()).isEqualTo(0.5);
        assertThat(chunks.get(0).end()).as("the quiet dip inside the last 40%% of the limit").isCloseTo(7.33, within(0.02));
        for (int i = 0; i < chunks.size(); i++) {
            TranscriptionPipeline.Chunk c = chunks.get(i);
            assertThat(c.end() - c.start()).isLessThanOrEqualTo(8);
            if (i > 0) {
                assertThat(c.start()).as("chunks meet at the cut").isEqualTo(chunks.get(i - 1).end());
                assertThat(c.audioStart()).isCloseTo(c.start() - ChunkPlanner.SPEECH_OVERLAP, within(1e-9));
                assertThat(chunks.get(i - 1).audioEnd()).isCloseTo(c.start() + ChunkPlanner.SPEECH_OVERLAP, within(1e-9));
            }
        }
        assertThat(chunks.get(chunks.size() - 1).end()).isEqualTo(19.5);
        assertThat(chunks.get(0).audioStart()).as("a pause before the first").isCloseTo(0.5 - ChunkPlanner.PAUSE_OVERLAP, within(1e-9));
    }

    @Test
    void wordsHeardByTwoChunksAreKeptOnceAndNoneIsLost() {
        TruthfulRecogniser heard = new TruthfulRecogniser(continuous);
        Transcript whole = new TranscriptionPipeline(vad, heard, aligner, 1, 600, 0.25).run(continuous.samples(), 1, null,
                new TranscriptionPipelineTest.MemoryChunks(), (stage, d, n) -> { });
        assertThat(texts(whole.words())).as("one chunk hears everything").isEqualTo(texts(continuous.words()));

        for (double max : new double[]{2.5, 3, 4, 5}) {
            Transcript chunked = new TranscriptionPipeline(vad, heard, aligner, 2, max, 0.25).run(continuous.samples(), 1, null,
                    new TranscriptionPipelineTest.MemoryChunks(), (stage, d, n) -> { });
            List<TranscriptionPipeline.Chunk> chunks = ChunkPlanner.plan(chunked.speech(), continuous.samples(), max);
            long cutsInSpeech = chunks.stream().filter(c -> c.start() - c.audioStart() > ChunkPlanner.PAUSE_OVERLAP + 1e-9).count();
            assertThat(cutsInSpeech).as("max %.1f s: joins cut through speech", max).isGreaterThanOrEqualTo(3);
            assertThat(texts(chunked.words())).as("max %.1f s: the words of the unchunked run", max).isEqualTo(texts(whole.words()));
            for (int i = 0; i < chunked.words().size(); i++) {
                assertThat(chunked.words().get(i).start()).as("each word at its true time")
                        .isCloseTo(continuous.words().get(i).start(), within(0.002));
            }
            assertThat(chunked.words()).isSortedAccordingTo((a, b) -> Double.compare(a.start(), b.start()));
        }
    }

    @Test
    void sphinxOnChunksCutThroughSpeechHearsWhatItHearsInOneGo() {
        // three LibriVox sentences back to back: real speech, whose sentences run longer than the chunks
        PackageMedia.Speech read = PackageMedia.sequence(PackageMedia.librivox().subList(0, 3), 0.5, 0.0, 1, 1);
        String reference = read.placed().stream().map(p -> p.utterance().text()).collect(Collectors.joining(" "));
        SphinxSpeechToText sphinx = new SphinxSpeechToText(5000, 2);
        Transcript whole = new TranscriptionPipeline(vad, sphinx, aligner, 1, 600, 0.25).run(read.samples(), 1, null,
                new TranscriptionPipelineTest.MemoryChunks(), (stage, d, n) -> { });
        Transcript chunked = new TranscriptionPipeline(vad, sphinx, aligner, 2, 4, 0.25).run(read.samples(), 1, null,
                new TranscriptionPipelineTest.MemoryChunks(), (stage, d, n) -> { });
        double werWhole = WordErrorRate.of(reference, texts(whole.words()));
        double werChunked = WordErrorRate.of(reference, texts(chunked.words()));
        int[] edits = WordErrorRate.insertionsDeletions(texts(whole.words()), texts(chunked.words()));
        System.out.printf(Locale.ROOT, "sphinx on %.1f s of LibriVox read back to back: WER %.3f in one chunk, %.3f in chunks "
                        + "of at most 4 s; against the one-chunk run the chunked one has %d words inserted and %d lost (of %d)%n",
                read.seconds(), werWhole, werChunked, edits[0], edits[1], whole.words().size());
        assertThat(chunked.words()).isSortedAccordingTo((a, b) -> Double.compare(a.start(), b.start()));
        assertThat(werChunked).isLessThanOrEqualTo(werWhole + 0.1);
    }

    private static String texts(List<Transcript.Word> words) {
        return words.stream().map(Transcript.Word::text).collect(Collectors.joining(" "));
    }

    /**
     * Stands in for a recogniser at a chunk's edges, where the real ones differ most: it finds where its audio
     * lies in the recording and says each word it hears at least half of, at its true time (clipped to the
     * audio), and a fragment ("uh") for a word it hears less of.
     */
    static final class TruthfulRecogniser implements SpeechToText {
        private final EspeakWords.Spoken spoken;

        TruthfulRecogniser(EspeakWords.Spoken spoken) {
            this.spoken = spoken;
        }

        @Override
        public String name() {
            return "truthful";
        }

        @Override
        public Recognized transcribe(float[] samples, String language) {
            double offset = locate(samples) / 16_000.0;
            double length = samples.length / 16_000.0;
            List<Transcript.Word> out = new ArrayList<>();
            for (Transcript.Word w : spoken.words()) {
                double from = Math.max(w.start(), offset);
                double to = Math.min(w.end(), offset + length);
                if (to <= from) {
                    continue;
                }
                boolean mostly = (to - from) / (w.end() - w.start()) >= 0.5;
                out.add(new Transcript.Word(mostly ? w.text() : "uh", from - offset, to - offset, 1));
            }
            return new Recognized(out, "en");
        }

        /** Where the chunk's samples begin in the recording: the one place they all match (words repeat, chunks do not). */
        private int locate(float[] chunk) {
            float[] all = spoken.samples();
            for (int at = 0; at + chunk.length <= all.length; at++) {
                int k = 0;
                while (k < chunk.length && all[at + k] == chunk[k]) {
                    k++;
                }
                if (k == chunk.length) {
                    return at;
                }
            }
            throw new AssertionError("chunk not found in the recording");
        }

        @Override
        public int maxParallel() {
            return 2;
        }
    }
}
