package dev.clipforge.api.analysis;

import java.util.List;

/**
 * {@code PATCH /v1/assets/{id}/transcript}: corrected text for some of the transcript's segments (indices as
 * {@code GET .../transcript} lists them).
 *
 * @param expectedAnalysisVersion optional: refuse the correction if the transcript has moved on since it was read
 */
public record TranscriptPatch(List<SegmentText> segments, Integer expectedAnalysisVersion) {

    public record SegmentText(Integer index, String text) {
    }
}
