package dev.clipforge.common.config;

import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param provider             sphinx (embedded default), whisper-cpp (whisper.cpp in-process with the model file
 *                             clipforge.whisper.model names) or openai-compatible (any service with OpenAI's
 *                             /audio/transcriptions: OpenAI, a self-hosted Whisper server); a sidecar uploaded with
 *                             an asset always wins
 * @param parallelism          chunks transcribed at once; 0 = one per available processor
 * @param maxChunkSeconds      longest stretch of speech given to the recogniser at once (chunks end at pauses; longer speech is cut at its quietest moment)
 * @param minPauseSeconds      silences at least this long are reported as pauses (cut points)
 * @param sphinxBeamWidth      Sphinx4 absolute beam width: lower is faster and, below ~3000, less accurate
 * @param leaseTtl             how long a worker's claim on computing an asset's transcript lasts without renewal
 * @param openaiBaseUrl        base URL of the openai-compatible service, up to and including /v1
 *                             (https://api.openai.com/v1, http://whisper:8000/v1)
 * @param openaiApiKey         bearer token for the openai-compatible service; empty = none
 * @param openaiModel          model name the openai-compatible service expects
 * @param openaiTimeout        longest wait for one chunk's transcription
 */
public record TranscriptionSettings(
        @DefaultValue("sphinx") String provider,
        @DefaultValue("0") int parallelism,
        @DefaultValue("30") double maxChunkSeconds,
        @DefaultValue("0.25") double minPauseSeconds,
        @DefaultValue("5000") int sphinxBeamWidth,
        @DefaultValue("60s") Duration leaseTtl,
        @DefaultValue("") String openaiBaseUrl,
        @DefaultValue("") String openaiApiKey,
        @DefaultValue("whisper-1") String openaiModel,
        @DefaultValue("120s") Duration openaiTimeout) {

    public static final String SPHINX = "sphinx";
    public static final String OPENAI_COMPATIBLE = "openai-compatible";
    public static final String WHISPER_CPP = "whisper-cpp";

    public TranscriptionSettings {
        if (!provider.equals(SPHINX) && !provider.equals(OPENAI_COMPATIBLE) && !provider.equals(WHISPER_CPP)) {
            throw new IllegalArgumentException("clipforge.transcription.provider (CLIPFORGE_TRANSCRIPTION_PROVIDER) must be "
                    + "sphinx, whisper-cpp or openai-compatible, not '" + provider + "'");
        }
        if (provider.equals(OPENAI_COMPATIBLE) && !openaiBaseUrl.matches("https?://.+")) {
            throw new IllegalArgumentException("the openai-compatible provider needs clipforge.transcription.openai-base-url "
                    + "(CLIPFORGE_TRANSCRIPTION_OPENAIBASEURL), an http(s) URL such as https://api.openai.com/v1");
        }
    }

    public int effectiveParallelism() {
        return parallelism > 0 ? parallelism : Runtime.getRuntime().availableProcessors();
    }
}
