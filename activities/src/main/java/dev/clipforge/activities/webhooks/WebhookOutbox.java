package dev.clipforge.activities.webhooks;

import dev.clipforge.common.json.Json;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes what happened as webhook events, with one pending delivery per subscribed endpoint, in the caller's
 * transaction: the change and its events commit together. Event ids derive from what happened, so a repeated
 * write adds nothing. The {@link WebhookDispatcher} starts the deliveries.
 */
public final class WebhookOutbox {
    public static final String CHANNEL = "webhook_deliveries";

    private final JdbcTemplate jdbc;

    public WebhookOutbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @param happening what makes the event unique, e.g. {@code clp_x:17:clip.ready} */
    public void emit(String organisationId, String type, String happening, Map<String, Object> data) {
        String eventId = "evt_" + digest(happening).substring(0, 24);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", eventId);
        payload.put("type", type);
        payload.put("created_at", Instant.now().toString());
        payload.put("organisation_id", organisationId);
        payload.put("data", data);
        int inserted = jdbc.update("""
                        insert into webhook_events (id, organisation_id, type, payload) values (?, ?, ?, ?::jsonb)
                        on conflict (id) do nothing""",
                eventId, organisationId, type, Json.write(payload));
        if (inserted == 0) {
            return;
        }
        int deliveries = jdbc.update("""
                        insert into webhook_deliveries (id, event_id, webhook_id, organisation_id, status)
                        select 'whd_' || substr(md5(? || w.id), 1, 24), ?, w.id, w.organisation_id, 'pending'
                        from webhooks w where w.organisation_id = ? and w.active and ? = any(w.events)
                        on conflict (id) do nothing""",
                eventId, eventId, organisationId, type);
        if (deliveries > 0) {
            jdbc.execute("notify " + CHANNEL);
        }
    }

    private static String digest(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
