package dev.clipforge.api.webhooks;

import java.util.List;

/** @param events what to send (default: every event) */
public record CreateWebhookRequest(String url, List<String> events, String description) {
}
