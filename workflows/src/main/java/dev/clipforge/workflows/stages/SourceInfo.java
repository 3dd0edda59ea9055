package dev.clipforge.workflows.stages;

/** Probe facts about an ingested source that the run's decisions need. */
public record SourceInfo(String assetId, double durationSeconds, int width, int height, double fps,
                         boolean hasVideo, boolean hasAudio, int analysisVersion) {
    public SourceInfo withAnalysisVersion(int version) {
        return new SourceInfo(assetId, durationSeconds, width, height, fps, hasVideo, hasAudio, version);
    }
}
