package dev.clipforge.api.projects;

import java.time.Instant;

public record ProjectView(String projectId, String name, long assetCount, long clipCount, Instant createdAt,
                          Instant updatedAt) {
}
