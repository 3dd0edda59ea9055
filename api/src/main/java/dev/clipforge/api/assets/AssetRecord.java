package dev.clipforge.api.assets;

import java.time.Instant;

/** An asset row as the API reads it; JSON columns stay text until a view needs them. */
record AssetRecord(String id, String projectId, String status, String sourceKind, String sourceUrl, String filename,
                   String contentType, Long declaredSizeBytes, Long sizeBytes, String objectKey, Instant uploadExpiresAt,
                   String probeJson, String derivedJson, String errorJson, int analysisVersion, Instant createdAt,
                   Instant updatedAt) {
}
