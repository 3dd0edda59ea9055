package dev.clipforge.gpu.asr;

import dev.clipforge.common.transcript.Transcript;

import java.util.List;

/** A speech recogniser for chunks of 16 kHz mono audio. Implementations are safe to call from several threads. */
public interface SpeechToText extends AutoCloseable {

    /**
     * What a chunk said: timed words, or (from a provider that times only sentences) phrases whose words
     * the pipeline then aligns to the audio.
     *
     * @param language detected or given language (ISO 639-1)
     */
    record Recognized(List<Transcript.Word> words, List<Phrase> phrases, String language) {
        public Recognized(List<Transcript.Word> words, String language) {
            this(words, List.of(), language);
        }

        public static Recognized untimed(List<Phrase> phrases, String language) {
            return new Recognized(List.of(), phrases, language);
        }

        public boolean needsAlignment() {
            return words.isEmpty() && !phrases.isEmpty();
        }
    }

    /** Text said between two times (seconds from the chunk's start), its words not timed. */
    record Phrase(double start, double end, String text) {
    }

    /** The provider's name as /v1/health and transcripts report it. */
    String name();

    /** Words of one chunk, timed from the chunk's start. */
    Recognized transcribe(float[] samples, String language);

    /** Chunks this provider can usefully take at once. */
    int maxParallel();

    @Override
    default void close() {
    }
}
