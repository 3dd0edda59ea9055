package dev.clipforge.gpu.asr;

import dev.clipforge.common.transcript.Transcript;
import edu.cmu.sphinx.api.AbstractSpeechRecognizer;
import edu.cmu.sphinx.api.Configuration;
import edu.cmu.sphinx.api.Context;
import edu.cmu.sphinx.api.SpeechResult;
import edu.cmu.sphinx.result.WordResult;
import edu.cmu.sphinx.util.LogMath;
import edu.cmu.sphinx.util.TimeFrame;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * CMU Sphinx4 with the en-us model its Maven artifact ships: needs nothing configured. Recognisers are
 * not thread-safe, so each thread borrows one from a pool (each holds its own acoustic and language model).
 */
public final class SphinxSpeechToText implements SpeechToText {
    static final String ACOUSTIC_MODEL = "resource:/edu/cmu/sphinx/models/en-us/en-us";
    static final String DICTIONARY = "resource:/edu/cmu/sphinx/models/en-us/cmudict-en-us.dict";
    static final String LANGUAGE_MODEL = "resource:/edu/cmu/sphinx/models/en-us/en-us.lm.bin";

    private final int beamWidth;
    private final int poolSize;
    private final BlockingQueue<Recognizer> idle;
    private final AtomicInteger created = new AtomicInteger();

    public SphinxSpeechToText(int beamWidth, int poolSize) {
        this.beamWidth = beamWidth;
        this.poolSize = poolSize;
        this.idle = new ArrayBlockingQueue<>(poolSize);
        LeaveLoggingAlone.apply();
    }

    @Override
    public String name() {
        return "sphinx";
    }

    @Override
    public int maxParallel() {
        return poolSize;
    }

    @Override
    public Recognized transcribe(float[] samples, String language) {
        Recognizer r = borrow();
        try {
            return new Recognized(r.recognize(samples), "en");
        } finally {
            idle.offer(r);
        }
    }

    private Recognizer borrow() {
        Recognizer r = idle.poll();
        if (r != null) {
            return r;
        }
        if (created.incrementAndGet() <= poolSize) {
            try {
                return new Recognizer(beamWidth);
            } catch (IOException e) {
                created.decrementAndGet();
                throw new UncheckedIOException("cannot load the Sphinx4 en-us model", e);
            }
        }
        created.decrementAndGet();
        try {
            return idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for a recogniser", e);
        }
    }

    /**
     * Word results with lattice confidences; when Sphinx4's lattice walk fails on an utterance (a known
     * null node in Lattice.getWordResultPath), the best path's timings without them.
     */
    static List<WordResult> words(SpeechResult result) {
        try {
            return result.getWords();
        } catch (NullPointerException e) {
            return result.getResult().getTimedBestResult(false);
        }
    }

    /** One Sphinx recogniser with ClipForge's decoder settings. */
    static final class Recognizer extends AbstractSpeechRecognizer {
        Recognizer(int beamWidth) throws IOException {
            super(context(beamWidth));
        }

        private static Context context(int beamWidth) {
            try {
                Configuration c = new Configuration();
                c.setAcousticModelPath(ACOUSTIC_MODEL);
                c.setDictionaryPath(DICTIONARY);
                c.setLanguageModelPath(LANGUAGE_MODEL);
                Context ctx = new Context(c);
                // the stock beam (20000) is four times what this model needs: same WER, half the time
                ctx.setLocalProperty("activeList->absoluteBeamWidth", String.valueOf(beamWidth));
                ctx.setLocalProperty("standardActiveListFactory->absoluteBeamWidth", String.valueOf(beamWidth));
                ctx.setLocalProperty("fastmatchActiveList->absoluteBeamWidth", String.valueOf(beamWidth));
                return ctx;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot load the Sphinx4 en-us model", e);
            }
        }

        List<Transcript.Word> recognize(float[] samples) {
            ByteBuffer pcm = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
            for (float s : samples) {
                pcm.putShort((short) Math.round(Math.max(-1f, Math.min(1f, s)) * 32767f));
            }
            recognizer.allocate();
            try {
                context.setSpeechSource(new ByteArrayInputStream(pcm.array()), TimeFrame.INFINITE);
                List<Transcript.Word> words = new ArrayList<>();
                LogMath logMath = LogMath.getLogMath();
                SpeechResult result;
                while ((result = getResult()) != null) {
                    for (WordResult w : words(result)) {
                        String text = w.getWord().getSpelling();
                        if (text.startsWith("<") || text.startsWith("[") || w.isFiller()) {
                            continue;
                        }
                        double confidence = Math.max(0, Math.min(1, logMath.logToLinear((float) w.getConfidence())));
                        words.add(new Transcript.Word(text.replaceAll("\\(\\d+\\)$", ""),
                                w.getTimeFrame().getStart() / 1000.0, w.getTimeFrame().getEnd() / 1000.0, confidence));
                    }
                }
                return words;
            } finally {
                recognizer.deallocate();
            }
        }
    }
}
