package dev.clipforge.api.tenancy;

import dev.clipforge.common.tenancy.Limits;

/**
 * Who is calling: the organisation every id they name must belong to, the key they used (null when auth is
 * disabled), its role, and the organisation's limits.
 */
public record Caller(String organisationId, String apiKeyId, Role role, Limits limits) {
}
