package dev.clipforge.api.webhooks;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

/** A delivery of one event to one webhook, with every attempt made. */
public record DeliveryView(String deliveryId, String webhookId, String eventId, String eventType, String status, int attempts,
                           List<Attempt> attemptLog, JsonNode payload, Instant createdAt, Instant completedAt) {

    /** @param statusCode what the endpoint answered; null when it could not be reached (see error) */
    public record Attempt(int attempt, Integer statusCode, String error, int durationMs, Instant at) {
    }
}
