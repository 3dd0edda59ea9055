package dev.clipforge.api.webhooks;

import java.time.Instant;
import java.util.List;

/** @param secret only in the answer to creating the webhook; null everywhere else */
public record WebhookView(String webhookId, String organisationId, String url, List<String> events, String description,
                          boolean active, String secret, Instant createdAt) {
}
