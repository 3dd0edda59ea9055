package dev.clipforge.api.clips;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** {@code POST /v1/clips}: every part optional but {@code source}; defaults as DESIGN.md gives them. */
public record CreateClipRequest(
        String projectId,
        @NotNull @Valid Source source,
        @Valid Selection selection,
        @Valid Target target,
        @Valid Layout layout,
        @Valid Captions captions,
        @Valid Qa qa,
        @Valid Export export) {

    public record Source(@NotNull String sourceType, String assetId, String url, String youtubeUrl) {
    }

    public record Selection(String selectionMode, String suggestionId, Double startSeconds, Double endSeconds) {
    }

    public record Target(String aspectRatio, Double maxDurationSeconds, Double minDurationSeconds) {
    }

    public record Layout(String layoutMode) {
    }

    public record Captions(Boolean enabled, String styleId) {
    }

    public record Qa(String qaMode) {
    }

    public record Export(Boolean autoExport, String quality) {
    }
}
