package dev.clipforge.workflows.stages;

import dev.clipforge.workflows.run.StageStatus;

/**
 * A stored transcript (words with times, in the object store under {@code objectKey}).
 *
 * @param status READY, or NOT_APPLICABLE for a source without audio
 */
public record TranscriptRef(String assetId, int analysisVersion, StageStatus status, String objectKey,
                            double endSeconds, int wordCount, String language, String provider) {
}
