package dev.clipforge.workflows.stages;

import dev.clipforge.workflows.run.Quality;

public record ExportResult(String exportId, String objectKey, Quality quality, long sizeBytes, double durationSeconds) {
}
