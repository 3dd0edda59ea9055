package dev.clipforge.api.assets;

import java.time.Instant;
import java.util.Map;

/** The answer to a presigned-upload request: PUT the file to {@code upload_url} with {@code upload_headers}. */
public record CreatedUpload(String assetId, String projectId, String uploadUrl, Map<String, String> uploadHeaders,
                            Instant uploadExpiresAt, long maxSizeMb, String status) {
}
