package dev.clipforge.common.config;

import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param provider             sphinx (embedded default), whisper-cpp or openai-compatible; a sidecar uploaded
 *                             with an asset always wins
 * @param parallelism          chunks transcribed at once; 0 = one per available processor
 * @param maxChunkSeconds      longest stretch of audio given to the recogniser at once (chunks end at pauses)
 * @param minPauseSeconds      silences at least this long are reported as pauses (cut points)
 * @param sphinxBeamWidth      Sphinx4 absolute beam width: lower is faster and, below ~3000, less accurate
 * @param leaseTtl             how long a worker's claim on computing an asset's transcript lasts without renewal
 */
public record TranscriptionSettings(
        @DefaultValue("sphinx") String provider,
        @DefaultValue("0") int parallelism,
        @DefaultValue("30") double maxChunkSeconds,
        @DefaultValue("0.25") double minPauseSeconds,
        @DefaultValue("5000") int sphinxBeamWidth,
        @DefaultValue("60s") Duration leaseTtl) {

    public int effectiveParallelism() {
        return parallelism > 0 ? parallelism : Runtime.getRuntime().availableProcessors();
    }
}
