package dev.clipforge.api.assets;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /v1/assets} as JSON: a presigned upload ({@code filename}, {@code content_type},
 * {@code size_bytes}), a URL to fetch ({@code url}) or a YouTube video ({@code youtube_url}).
 */
public record CreateAssetRequest(
        @NotBlank String projectId,
        @Size(max = 255) String filename,
        @Size(max = 127) String contentType,
        Long sizeBytes,
        @Size(max = 4096) String url,
        @Size(max = 4096) String youtubeUrl) {
}
