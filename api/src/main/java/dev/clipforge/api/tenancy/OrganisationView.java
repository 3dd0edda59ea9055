package dev.clipforge.api.tenancy;

import dev.clipforge.common.tenancy.Limits;

import java.time.Instant;

/**
 * @param limits         what the organisation may use now: its own values over the server's defaults
 * @param limitOverrides the values set for this organisation (null fields take the defaults)
 */
public record OrganisationView(String organisationId, String name, Limits limits, Limits.Overrides limitOverrides,
                               Instant createdAt, Instant updatedAt) {
}
