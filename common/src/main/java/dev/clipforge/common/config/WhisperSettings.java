package dev.clipforge.common.config;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The whisper-cpp transcription provider (whisper.cpp in-process through whisper-jni, which bundles the
 * native library). The product ships no Whisper model: the operator provides one.
 *
 * @param model    path to a whisper.cpp ggml model file (ggml-base.en.bin, ggml-small.bin, ...); required when
 *                 clipforge.transcription.provider is whisper-cpp
 * @param language language spoken (ISO 639-1), or auto to let Whisper detect it (transcripts then say und, or en for an
 *                 English-only model: whisper-jni does not report what it detected)
 * @param threads  CPU threads per chunk; 0 = share the processors among the chunks transcribed at once
 * @param useGpu   ask whisper.cpp for a GPU; the library bundled in whisper-jni 1.7.1 is built for the CPU only, so with it
 *                 this changes nothing
 */
public record WhisperSettings(
        @DefaultValue("") String model,
        @DefaultValue("auto") String language,
        @DefaultValue("0") int threads,
        @DefaultValue("true") boolean useGpu) {

    public WhisperSettings {
        if (!language.equals("auto") && !language.matches("[a-z]{2}")) {
            throw new IllegalArgumentException("clipforge.whisper.language must be auto or a two-letter ISO 639-1 code, not '"
                    + language + "'");
        }
    }
}
