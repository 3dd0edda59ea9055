package dev.clipforge.api.tenancy;

import dev.clipforge.common.tenancy.Limits;

/** Create (name required) or change an organisation; {@code limits} fields left out keep their current value. */
public record OrganisationRequest(String name, Limits.Overrides limits) {
}
