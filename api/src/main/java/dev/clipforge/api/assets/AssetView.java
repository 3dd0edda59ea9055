package dev.clipforge.api.assets;

import dev.clipforge.common.assets.ProbeResult;
import dev.clipforge.workflows.ingest.AssetError;

import java.time.Instant;

/** {@code GET /v1/assets/{id}}. */
public record AssetView(
        String assetId,
        String projectId,
        String status,
        String filename,
        String contentType,
        Long sizeBytes,
        Source source,
        ProbeResult probe,
        Derived derived,
        int analysisVersion,
        AssetError error,
        Instant uploadExpiresAt,
        Instant createdAt,
        Instant updatedAt) {

    public record Source(String kind, String url) {
    }

    /**
     * @param speechAudio  ready, not_applicable (no audio) or pending
     * @param posterUrl    presigned URL of the poster frame once ready
     * @param sharedFrom   the asset with identical bytes whose derived media this one reuses
     */
    public record Derived(String speechAudio, String posterUrl, Double posterAtSeconds, String sharedFrom) {
    }
}
