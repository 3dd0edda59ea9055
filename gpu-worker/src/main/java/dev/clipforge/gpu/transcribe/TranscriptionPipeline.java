package dev.clipforge.gpu.transcribe;

import dev.clipforge.common.transcript.Segmenter;
import dev.clipforge.common.transcript.Transcript;
import dev.clipforge.gpu.asr.ForcedAligner;
import dev.clipforge.gpu.asr.SpeechToText;
import dev.clipforge.gpu.vad.SileroVad;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Voice activity, then chunks of speech split at pauses (or, in speech longer than a chunk, at its quietest
 * moment), transcribed in parallel and stitched back together in source time (a provider that times only
 * sentences has its words aligned to the chunk). Finished chunks are kept by a {@link ChunkStore}, so a
 * retried attempt only does what is left.
 */
public final class TranscriptionPipeline {
    /**
     * A stretch of speech transcribed on its own.
     *
     * @param start      where its own stretch begins (a pause's end, or a cut inside speech), seconds in the recording
     * @param end        where it ends
     * @param audioStart where the audio it is given begins: a little before {@code start}, see {@link ChunkPlanner}
     * @param audioEnd   where that audio ends
     */
    public record Chunk(int index, double start, double end, double audioStart, double audioEnd) {
    }

    public interface ChunkStore {
        Optional<SpeechToText.Recognized> load(Chunk chunk);

        void save(Chunk chunk, SpeechToText.Recognized result);
    }

    /** How far a transcription has got, for heartbeats: {@code done} of {@code total} in the stage's own unit. */
    public interface Progress {
        void report(String stage, long done, long total);
    }

    /** Stages as progress names them. */
    public static final String VOICE_ACTIVITY = "voice activity (s)";
    public static final String CHUNKS = "chunks";
    public static final String ALIGNING = "aligning cues";

    private final SileroVad vad;
    private final SpeechToText stt;
    private final ForcedAligner aligner;
    private final int parallelism;
    private final double maxChunkSeconds;
    private final double minPauseSeconds;

    public TranscriptionPipeline(SileroVad vad, SpeechToText stt, ForcedAligner aligner, int parallelism,
                                 double maxChunkSeconds, double minPauseSeconds) {
        this.vad = vad;
        this.stt = stt;
        this.aligner = aligner;
        this.parallelism = Math.max(1, Math.min(parallelism, stt.maxParallel()));
        this.maxChunkSeconds = maxChunkSeconds;
        this.minPauseSeconds = minPauseSeconds;
    }

    public Transcript run(float[] samples, int analysisVersion, String language, ChunkStore store, Progress progress) {
        double total = samples.length / (double) SileroVad.SAMPLE_RATE;
        List<Transcript.Span> speech = vad.speech(samples, heard -> progress.report(VOICE_ACTIVITY, Math.round(heard),
                Math.round(total)));
        List<Chunk> chunks = ChunkPlanner.plan(speech, samples, maxChunkSeconds);
        List<Transcript.Span> pauses = SileroVad.pauses(speech, total, minPauseSeconds);
        List<SpeechToText.Recognized> results = new ArrayList<>();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "transcribe-chunk");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<SpeechToText.Recognized>> futures = new ArrayList<>();
            for (Chunk c : chunks) {
                futures.add(pool.submit(() -> {
                    SpeechToText.Recognized r = store.load(c).orElseGet(() -> {
                        float[] audio = slice(samples, c);
                        SpeechToText.Recognized heard = stt.transcribe(audio, language);
                        // recognised words in silence are hallucinations; text known to be said is aligned, never dropped
                        SpeechToText.Recognized fresh = heard.needsAlignment()
                                ? new SpeechToText.Recognized(aligner.align(audio, heard.phrases().stream()
                                .map(p -> new ForcedAligner.Segment(p.start(), p.end(), p.text())).toList()), heard.language())
                                : new SpeechToText.Recognized(Segmenter.withoutWordsInSilence(heard.words(),
                                pausesFrom(pauses, c.audioStart())), heard.language());
                        store.save(c, fresh);
                        return fresh;
                    });
                    progress.report(CHUNKS, done.incrementAndGet(), chunks.size());
                    return r;
                }));
            }
            for (Future<SpeechToText.Recognized> f : futures) {
                results.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("transcription interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        List<List<Transcript.Word>> heard = new ArrayList<>();
        String detected = language;
        for (int i = 0; i < chunks.size(); i++) {
            double offset = chunks.get(i).audioStart();
            heard.add(results.get(i).words().stream().map(w -> new Transcript.Word(w.text(), round(w.start() + offset),
                    round(w.end() + offset), w.confidence())).toList());
            if (detected == null) {
                detected = results.get(i).language();
            }
        }
        List<Transcript.Word> words = ChunkStitcher.stitch(chunks, heard);
        return new Transcript(analysisVersion, detected == null ? "en" : detected, stt.name(), total, words,
                Segmenter.segments(words, pauses), speech, pauses);
    }

    /** Pauses in a chunk's own time. */
    private static List<Transcript.Span> pausesFrom(List<Transcript.Span> pauses, double offset) {
        return pauses.stream().map(p -> new Transcript.Span(p.start() - offset, p.end() - offset)).toList();
    }

    private static float[] slice(float[] samples, Chunk c) {
        int from = (int) Math.max(0, Math.floor(c.audioStart() * SileroVad.SAMPLE_RATE));
        int to = (int) Math.min(samples.length, Math.ceil(c.audioEnd() * SileroVad.SAMPLE_RATE));
        float[] out = new float[Math.max(0, to - from)];
        System.arraycopy(samples, from, out, 0, out.length);
        return out;
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }
}
