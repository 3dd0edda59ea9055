package dev.clipforge.api.tenancy;

/**
 * @param role           owner or member (default member); admin keys can only be made by an admin, in its own organisation
 * @param organisationId the organisation the key acts for; only an admin may name another than its own
 */
public record CreateApiKeyRequest(String name, String role, String organisationId) {
}
