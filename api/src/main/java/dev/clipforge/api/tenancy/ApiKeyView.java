package dev.clipforge.api.tenancy;

import java.time.Instant;

/** An API key as lists show it: never the key itself, only its prefix. */
public record ApiKeyView(String apiKeyId, String organisationId, String name, String prefix, Role role, String createdBy,
                         Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
}
