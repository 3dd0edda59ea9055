package dev.clipforge.gpu.asr;

import io.github.givimad.whisperjni.WhisperContext;
import io.github.givimad.whisperjni.WhisperContextParams;
import io.github.givimad.whisperjni.WhisperFullParams;
import io.github.givimad.whisperjni.WhisperJNI;
import io.github.givimad.whisperjni.WhisperSamplingStrategy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * whisper.cpp in-process, through whisper-jni (which bundles the native library for Linux, macOS and
 * Windows), with a ggml model file the operator provides. whisper-jni 1.7.1 exposes segments (text, start,
 * end) but neither tokens nor their timestamps, so each chunk comes back as phrases whose words the pipeline
 * aligns; nor does it expose the language whisper.cpp detected, so a transcript says the configured language,
 * {@code en} for an English-only model, or {@code und}. A context is not thread-safe: each chunk transcribed
 * at once has its own.
 */
public final class WhisperCppSpeechToText implements SpeechToText {
    private final WhisperJNI whisper;
    private final BlockingQueue<WhisperContext> contexts;
    private final String language;
    private final boolean multilingual;
    private final int threads;
    private final int parallel;

    /**
     * @param language ISO 639-1, or auto
     * @param threads  CPU threads per chunk; 0 = the processors shared among {@code parallel} chunks
     * @throws IllegalStateException naming the setting to fix when the model is missing or not a whisper.cpp model
     */
    public WhisperCppSpeechToText(Path model, String language, int threads, int parallel, boolean useGpu) {
        if (!Files.isRegularFile(model) || !Files.isReadable(model)) {
            throw new IllegalStateException("the whisper.cpp model " + model.toAbsolutePath() + " does not exist or cannot be "
                    + "read: set CLIPFORGE_WHISPER_MODEL (clipforge.whisper.model) to a readable ggml model file");
        }
        try {
            WhisperJNI.loadLibrary();
            WhisperJNI.setLibraryLogger(null);
        } catch (IOException | UnsatisfiedLinkError e) {
            throw new IllegalStateException("the whisper.cpp native library bundled in whisper-jni does not load on this "
                    + "machine (" + e.getMessage() + "); use clipforge.transcription.provider=sphinx or openai-compatible", e);
        }
        this.whisper = new WhisperJNI();
        this.language = language;
        this.parallel = Math.max(1, parallel);
        this.threads = threads > 0 ? threads : Math.max(1, Runtime.getRuntime().availableProcessors() / this.parallel);
        this.contexts = new ArrayBlockingQueue<>(this.parallel);
        WhisperContextParams params = new WhisperContextParams();
        params.useGPU = useGpu;
        for (int i = 0; i < this.parallel; i++) {
            WhisperContext ctx;
            try {
                ctx = whisper.init(model, params);
            } catch (IOException e) {
                throw new IllegalStateException("the whisper.cpp model " + model.toAbsolutePath() + " could not be read: "
                        + e.getMessage(), e);
            }
            if (ctx == null) {
                close();
                throw new IllegalStateException(model.toAbsolutePath() + " is not a whisper.cpp model: set "
                        + "CLIPFORGE_WHISPER_MODEL (clipforge.whisper.model) to a ggml model file such as ggml-base.en.bin");
            }
            contexts.add(ctx);
        }
        this.multilingual = whisper.isMultilingual(contexts.peek());
        if (!multilingual && !"auto".equals(language) && !"en".equals(language)) {
            close();
            throw new IllegalStateException(model.getFileName() + " is an English-only model, but clipforge.whisper.language is "
                    + language + ": set CLIPFORGE_WHISPER_LANGUAGE to en or auto, or use a multilingual model (no .en in its name)");
        }
    }

    /**
     * What a transcript can say it is in: whisper-jni does not report the language whisper.cpp detects, so a
     * language left to detection is known only for an English-only model.
     */
    static String reportedLanguage(String spoken, boolean multilingual) {
        if (!"auto".equals(spoken)) {
            return spoken;
        }
        return multilingual ? "und" : "en";
    }

    @Override
    public String name() {
        return "whisper-cpp";
    }

    @Override
    public int maxParallel() {
        return parallel;
    }

    @Override
    public Recognized transcribe(float[] samples, String language) {
        WhisperContext ctx;
        try {
            ctx = contexts.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a whisper.cpp context", e);
        }
        try {
            String spoken = language != null ? language : this.language;
            WhisperFullParams params = new WhisperFullParams(WhisperSamplingStrategy.GREEDY);
            params.nThreads = threads;
            params.language = spoken;
            params.printProgress = false;
            params.printRealtime = false;
            params.printTimestamps = false;
            params.suppressNonSpeechTokens = true;
            int result = whisper.full(ctx, params, samples, samples.length);
            if (result != 0) {
                throw new IllegalStateException("whisper.cpp failed on a chunk (code " + result + ")");
            }
            List<Phrase> phrases = new ArrayList<>();
            int n = whisper.fullNSegments(ctx);
            for (int i = 0; i < n; i++) {
                String text = whisper.fullGetSegmentText(ctx, i).strip();
                // whisper.cpp times segments in hundredths of a second
                double start = whisper.fullGetSegmentTimestamp0(ctx, i) / 100.0;
                double end = whisper.fullGetSegmentTimestamp1(ctx, i) / 100.0;
                if (!text.isEmpty() && end > start) {
                    phrases.add(new Phrase(start, end, text));
                }
            }
            return Recognized.untimed(phrases, reportedLanguage(spoken, multilingual));
        } finally {
            contexts.offer(ctx);
        }
    }

    @Override
    public void close() {
        WhisperContext ctx;
        while ((ctx = contexts.poll()) != null) {
            ctx.close();
        }
    }
}
