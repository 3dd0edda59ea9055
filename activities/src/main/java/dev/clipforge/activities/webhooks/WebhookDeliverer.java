package dev.clipforge.activities.webhooks;

import dev.clipforge.activities.net.GuardedResolverGroup;
import dev.clipforge.common.config.WebhookSettings;
import dev.clipforge.common.net.UrlPolicy;
import dev.clipforge.workflows.webhooks.WebhookActivities;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.temporal.failure.ApplicationFailure;
import org.springframework.jdbc.core.JdbcTemplate;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One delivery attempt: the event's JSON, signed, POSTed to the endpoint through the SSRF guard (checked again at
 * connect time, so a name that now resolves to a private address is refused), redirects not followed. Every
 * attempt is recorded with what the endpoint answered.
 */
public final class WebhookDeliverer implements WebhookActivities, AutoCloseable {
    private static final int MAX_ERROR_CHARS = 300;

    private final JdbcTemplate jdbc;
    private final ConnectionProvider connections;
    private final HttpClient client;
    private final Duration timeout;

    public WebhookDeliverer(JdbcTemplate jdbc, UrlPolicy policy, WebhookSettings settings) {
        this.jdbc = jdbc;
        this.timeout = settings.timeout();
        this.connections = ConnectionProvider.builder("clipforge-webhooks").maxConnections(16).build();
        this.client = HttpClient.create(connections)
                .resolver(new GuardedResolverGroup(policy))
                .followRedirect(false)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                .responseTimeout(timeout)
                .headers(h -> h.set(HttpHeaderNames.USER_AGENT, "ClipForge-Webhooks/1")
                        .set(HttpHeaderNames.CONTENT_TYPE, "application/json"));
    }

    private record Pending(String url, String secret, boolean active, String type, String payload) {
    }

    @Override
    public void attemptDelivery(String deliveryId) {
        List<Pending> found = jdbc.query("""
                        select w.url, w.secret, w.active, e.type, e.payload::text as payload
                        from webhook_deliveries d join webhooks w on w.id = d.webhook_id join webhook_events e on e.id = d.event_id
                        where d.id = ? and d.status = 'pending'""",
                (rs, i) -> new Pending(rs.getString("url"), rs.getString("secret"), rs.getBoolean("active"),
                        rs.getString("type"), rs.getString("payload")),
                deliveryId);
        if (found.isEmpty()) {
            return;
        }
        Pending d = found.get(0);
        if (!d.active()) {
            finish(deliveryId, "failed");
            return;
        }
        int attempt = jdbc.queryForObject("update webhook_deliveries set attempts = attempts + 1 where id = ? returning attempts",
                Integer.class, deliveryId);
        long started = System.nanoTime();
        Integer status = null;
        String error = null;
        boolean refused = false;
        try {
            status = post(d, deliveryId);
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            refused = cause instanceof GuardedResolverGroup.BlockedHostException;
            error = refused ? "refused by the private-address guard: " + cause.getMessage()
                    : cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        }
        jdbc.update("insert into webhook_attempts (delivery_id, attempt, status_code, error, duration_ms) values (?, ?, ?, ?, ?)"
                        + " on conflict do nothing",
                deliveryId, attempt, status, error == null ? null : error.substring(0, Math.min(error.length(), MAX_ERROR_CHARS)),
                (int) ((System.nanoTime() - started) / 1_000_000));
        if (status != null && status >= 200 && status < 300) {
            finish(deliveryId, "delivered");
            return;
        }
        String why = status != null ? "the endpoint answered HTTP " + status : error;
        if (refused) {
            throw ApplicationFailure.newNonRetryableFailure(why, "webhook_url_blocked");
        }
        throw ApplicationFailure.newFailure(why, "webhook_not_delivered");
    }

    private Integer post(Pending d, String deliveryId) {
        String signature = WebhookSignature.header(d.secret(), Instant.now().getEpochSecond(), d.payload());
        return client.headers(h -> h.set(WebhookSignature.HEADER, signature)
                        .set("ClipForge-Event", d.type())
                        .set("ClipForge-Delivery", deliveryId))
                .post().uri(d.url())
                .send(ByteBufFlux.fromString(Mono.just(d.payload())))
                // the answer's body is not read beyond what the connection needs
                .responseSingle((response, body) -> body.then(Mono.just(response.status().code())))
                .block(timeout.plusSeconds(1));
    }

    @Override
    public void markDeliveryFailed(String deliveryId) {
        finish(deliveryId, "failed");
    }

    private void finish(String deliveryId, String status) {
        jdbc.update("update webhook_deliveries set status = ?, completed_at = now() where id = ? and status = 'pending'",
                status, deliveryId);
    }

    @Override
    public void close() {
        connections.dispose();
    }
}
