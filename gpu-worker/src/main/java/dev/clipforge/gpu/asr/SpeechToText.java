package dev.clipforge.gpu.asr;

import dev.clipforge.common.transcript.Transcript;

import java.util.List;

/** A speech recogniser for chunks of 16 kHz mono audio. Implementations are safe to call from several threads. */
public interface SpeechToText extends AutoCloseable {

    /** @param language detected or given language (ISO 639-1) */
    record Recognized(List<Transcript.Word> words, String language) {
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
