package dev.clipforge.api.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipforge.api.error.ApiException;
import dev.clipforge.api.page.Page;
import dev.clipforge.api.page.PageRequest;
import dev.clipforge.api.tenancy.Tenancy;
import dev.clipforge.common.Ids;
import dev.clipforge.common.config.ClipforgeProperties;
import dev.clipforge.common.json.Json;
import dev.clipforge.common.net.UrlPolicy;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Webhook endpoints of an organisation and their deliveries. Targets pass the same SSRF guard as URL ingest,
 * when they are registered and again, at connect time, on every delivery.
 */
@Service
public class WebhookService {
    static final String ID_PREFIX = "whk";
    private static final int MAX_PER_ORGANISATION = 20;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COLUMNS = "id, organisation_id, url, events, description, active, created_at";

    private final DatabaseClient db;
    private final UrlPolicy urls;

    public WebhookService(DatabaseClient db, ClipforgeProperties properties) {
        this.db = db;
        this.urls = new UrlPolicy(properties.ingest().urlAllowList());
    }

    public Mono<WebhookView> create(CreateWebhookRequest r) {
        return Tenancy.owner().flatMap(c -> {
            if (r == null || r.url() == null || r.url().isBlank()) {
                return Mono.error(ApiException.unprocessable("url is required: the https URL ClipForge POSTs events to"));
            }
            List<String> events = events(r.events());
            String description = r.description() == null ? null : r.description().strip();
            if (description != null && description.length() > 500) {
                return Mono.error(ApiException.unprocessable("description must be at most 500 characters"));
            }
            return Mono.fromCallable(() -> urls.check(r.url())).subscribeOn(Schedulers.boundedElastic())
                    .onErrorMap(UrlPolicy.Refused.class, e -> ApiException.unprocessable(e.code(), e.getMessage(),
                            "give a public http(s) URL of your webhook receiver"))
                    .then(db.sql("select count(*) as n from webhooks where organisation_id = :org and active")
                            .bind("org", c.organisationId()).map((row, m) -> row.get("n", Long.class)).one())
                    .flatMap(n -> {
                        if (n >= MAX_PER_ORGANISATION) {
                            return Mono.error(ApiException.unprocessable("an organisation has at most " + MAX_PER_ORGANISATION
                                    + " webhooks; delete one first"));
                        }
                        String id = Ids.next(ID_PREFIX);
                        String secret = secret();
                        var spec = db.sql("insert into webhooks (id, organisation_id, url, events, description, secret)"
                                        + " values (:id, :org, :url, :events, :description, :secret)")
                                .bind("id", id).bind("org", c.organisationId()).bind("url", r.url())
                                .bind("events", events.toArray(String[]::new)).bind("secret", secret);
                        spec = description == null ? spec.bindNull("description", String.class) : spec.bind("description", description);
                        return spec.fetch().rowsUpdated().then(find(id, c.organisationId()))
                                .map(w -> new WebhookView(w.webhookId(), w.organisationId(), w.url(), w.events(), w.description(),
                                        w.active(), secret, w.createdAt()));
                    });
        });
    }

    public Mono<Page<WebhookView>> list(PageRequest page) {
        return Tenancy.owner().flatMap(c -> Mono.zip(
                db.sql("select " + COLUMNS + " from webhooks where organisation_id = :org and active"
                                + " order by created_at desc, id limit :limit offset :offset")
                        .bind("org", c.organisationId()).bind("limit", page.limit()).bind("offset", page.offset())
                        .map((row, m) -> view(row)).all().collectList(),
                db.sql("select count(*) as n from webhooks where organisation_id = :org and active").bind("org", c.organisationId())
                        .map((row, m) -> row.get("n", Long.class)).one()).map(t -> Page.of(t.getT1(), page, t.getT2())));
    }

    public Mono<WebhookView> get(String id) {
        return Tenancy.owner().flatMap(c -> find(id, c.organisationId()))
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("webhook", id)));
    }

    /** Stops sending to the endpoint; its deliveries stay listed. */
    public Mono<Void> delete(String id) {
        return get(id).then(db.sql("update webhooks set active = false where id = :id").bind("id", id).fetch().rowsUpdated())
                .then();
    }

    public Mono<Page<DeliveryView>> deliveries(String webhookId, String status, PageRequest page) {
        return Tenancy.owner().flatMap(c -> {
            String where = " from webhook_deliveries d join webhook_events e on e.id = d.event_id"
                    + " where d.organisation_id = :org and (cast(:webhook as text) is null or d.webhook_id = :webhook)"
                    + " and (cast(:status as text) is null or d.status = :status)";
            var rows = bind(db.sql("select d.id, d.webhook_id, d.event_id, e.type, d.status, d.attempts, e.payload::text as payload,"
                    + " d.created_at, d.completed_at" + where + " order by d.created_at desc, d.id desc limit :limit offset :offset"),
                    c.organisationId(), webhookId, status)
                    .bind("limit", page.limit()).bind("offset", page.offset())
                    .map((row, m) -> row(row)).all().collectList();
            var total = bind(db.sql("select count(*) as n" + where), c.organisationId(), webhookId, status)
                    .map((row, m) -> row.get("n", Long.class)).one();
            return Mono.zip(rows, total).flatMap(t -> attempts(t.getT1().stream().map(DeliveryRow::id).toList())
                    .map(log -> Page.of(t.getT1().stream().map(d -> d.view(log.getOrDefault(d.id(), List.of()))).toList(),
                            page, t.getT2())));
        });
    }

    private record DeliveryRow(String id, String webhookId, String eventId, String type, String status, int attempts,
                               JsonNode payload, Instant createdAt, Instant completedAt) {
        DeliveryView view(List<DeliveryView.Attempt> log) {
            return new DeliveryView(id, webhookId, eventId, type, status, attempts, log, payload, createdAt, completedAt);
        }
    }

    private Mono<Map<String, List<DeliveryView.Attempt>>> attempts(List<String> deliveryIds) {
        if (deliveryIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql("select delivery_id, attempt, status_code, error, duration_ms, created_at from webhook_attempts"
                        + " where delivery_id = any(:ids) order by delivery_id, attempt")
                .bind("ids", deliveryIds.toArray(String[]::new))
                .map((row, m) -> Map.entry(row.get("delivery_id", String.class), new DeliveryView.Attempt(
                        row.get("attempt", Integer.class), row.get("status_code", Integer.class), row.get("error", String.class),
                        row.get("duration_ms", Integer.class), row.get("created_at", OffsetDateTime.class).toInstant())))
                .all()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    private Mono<WebhookView> find(String id, String organisationId) {
        return db.sql("select " + COLUMNS + " from webhooks where id = :id and organisation_id = :org and active")
                .bind("id", id).bind("org", organisationId).map((row, m) -> view(row)).one();
    }

    private static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, String org, String webhook,
                                                          String status) {
        spec = spec.bind("org", org);
        spec = webhook == null ? spec.bindNull("webhook", String.class) : spec.bind("webhook", webhook);
        return status == null ? spec.bindNull("status", String.class) : spec.bind("status", status);
    }

    private static List<String> events(List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            return WebhookEvents.ALL;
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String e : requested) {
            if (!WebhookEvents.ALL.contains(e)) {
                throw ApiException.unprocessable("events: '" + e + "' is not an event; choose from " + WebhookEvents.ALL);
            }
            out.add(e);
        }
        return List.copyOf(out);
    }

    private static String secret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static WebhookView view(Readable r) {
        return new WebhookView(r.get("id", String.class), r.get("organisation_id", String.class), r.get("url", String.class),
                List.of(r.get("events", String[].class)), r.get("description", String.class),
                Boolean.TRUE.equals(r.get("active", Boolean.class)), null,
                r.get("created_at", OffsetDateTime.class).toInstant());
    }

    private static DeliveryRow row(Readable r) {
        OffsetDateTime completed = r.get("completed_at", OffsetDateTime.class);
        return new DeliveryRow(r.get("id", String.class), r.get("webhook_id", String.class), r.get("event_id", String.class),
                r.get("type", String.class), r.get("status", String.class), r.get("attempts", Integer.class),
                Json.read(r.get("payload", String.class), JsonNode.class), r.get("created_at", OffsetDateTime.class).toInstant(),
                completed == null ? null : completed.toInstant());
    }
}
