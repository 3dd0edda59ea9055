package dev.clipforge.api.tenancy;

/** The answer to creating a key: the only time the whole key is shown. */
public record CreatedApiKey(String apiKey, ApiKeyView details) {
}
