package dev.clipforge.api.tenancy;

import dev.clipforge.api.error.ApiException;
import dev.clipforge.api.page.Page;
import dev.clipforge.api.page.PageRequest;
import dev.clipforge.common.Ids;
import dev.clipforge.common.config.ClipforgeProperties;
import dev.clipforge.common.json.Json;
import dev.clipforge.common.tenancy.Limits;
import dev.clipforge.common.tenancy.Organisations;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Organisations: the admin creates them and sets their limits; everyone else sees only their own. Another
 * organisation's id is "not found" to anyone but the admin.
 */
@Service
public class OrganisationService {
    private static final String COLUMNS = "id, name, limits::text as limits, created_at, updated_at";

    private final DatabaseClient db;
    private final ClipforgeProperties properties;

    public OrganisationService(DatabaseClient db, ClipforgeProperties properties) {
        this.db = db;
        this.properties = properties;
    }

    public Mono<OrganisationView> create(OrganisationRequest r) {
        return Tenancy.admin().flatMap(admin -> {
            String name = name(r == null ? null : r.name());
            Limits.Overrides limits = checked(r.limits() == null ? Limits.Overrides.NONE : r.limits());
            String id = Ids.next(Organisations.ID_PREFIX);
            return db.sql("insert into organisations (id, name, limits) values (:id, :name, cast(:limits as jsonb))")
                    .bind("id", id).bind("name", name).bind("limits", Json.write(limits)).fetch().rowsUpdated()
                    .then(find(id));
        });
    }

    public Mono<OrganisationView> get(String id) {
        return visible(id).flatMap(v -> find(id)).switchIfEmpty(Mono.error(() -> ApiException.notFound("organisation", id)));
    }

    public Mono<Page<OrganisationView>> list(PageRequest page) {
        return Tenancy.caller().flatMap(c -> {
            if (c.role() != Role.ADMIN) {
                return find(c.organisationId()).map(o -> Page.of(List.of(o), page, 1));
            }
            return Mono.zip(db.sql("select " + COLUMNS + " from organisations order by created_at, id limit :limit offset :offset")
                                    .bind("limit", page.limit()).bind("offset", page.offset()).map((r, m) -> view(r)).all()
                                    .collectList(),
                            db.sql("select count(*) as n from organisations").map((r, m) -> r.get("n", Long.class)).one())
                    .map(t -> Page.of(t.getT1(), page, t.getT2()));
        });
    }

    /** Name and limits; only the admin changes them (limits protect the machine from the organisation). */
    public Mono<OrganisationView> update(String id, OrganisationRequest r) {
        return visible(id).switchIfEmpty(Mono.error(() -> ApiException.notFound("organisation", id)))
                .then(Tenancy.admin()).then(find(id)).flatMap(current -> {
                    String name = r == null || r.name() == null ? current.name() : name(r.name());
                    Limits.Overrides o = current.limitOverrides();
                    Limits.Overrides n = r == null || r.limits() == null ? Limits.Overrides.NONE : checked(r.limits());
                    Limits.Overrides merged = new Limits.Overrides(
                            n.concurrentRuns() != null ? n.concurrentRuns() : o.concurrentRuns(),
                            n.requestsPerMinute() != null ? n.requestsPerMinute() : o.requestsPerMinute(),
                            n.maxUploadBytes() != null ? n.maxUploadBytes() : o.maxUploadBytes(),
                            n.maxSourceSeconds() != null ? n.maxSourceSeconds() : o.maxSourceSeconds(),
                            n.exportsPerDay() != null ? n.exportsPerDay() : o.exportsPerDay());
                    return db.sql("update organisations set name = :name, limits = cast(:limits as jsonb), updated_at = now()"
                                    + " where id = :id")
                            .bind("id", id).bind("name", name).bind("limits", Json.write(merged)).fetch().rowsUpdated()
                            .then(find(id));
                });
    }

    /** An organisation's limits, for callers that are not authenticated by key (auth disabled). */
    public Mono<Limits> limits(String id) {
        return find(id).map(OrganisationView::limits);
    }

    /** Completes empty unless the caller may see the organisation: its own, or any for the admin. */
    private Mono<Boolean> visible(String id) {
        return Tenancy.caller().filter(c -> c.role() == Role.ADMIN || c.organisationId().equals(id)).map(c -> true);
    }

    private Mono<OrganisationView> find(String id) {
        return db.sql("select " + COLUMNS + " from organisations where id = :id").bind("id", id).map((r, m) -> view(r)).one();
    }

    private OrganisationView view(Readable r) {
        Limits.Overrides overrides = Json.read(r.get("limits", String.class), Limits.Overrides.class);
        return new OrganisationView(r.get("id", String.class), r.get("name", String.class), Limits.of(properties, overrides),
                overrides, r.get("created_at", OffsetDateTime.class).toInstant(),
                r.get("updated_at", OffsetDateTime.class).toInstant());
    }

    private static String name(String name) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw ApiException.unprocessable("name is required: 1 to 200 characters");
        }
        return name.strip();
    }

    private static Limits.Overrides checked(Limits.Overrides o) {
        atLeast("limits.concurrent_runs", o.concurrentRuns(), 1);
        atLeast("limits.requests_per_minute", o.requestsPerMinute(), 1);
        atLeast("limits.max_upload_bytes", o.maxUploadBytes(), 1);
        atLeast("limits.max_source_seconds", o.maxSourceSeconds(), 1);
        atLeast("limits.exports_per_day", o.exportsPerDay(), 0);
        return o;
    }

    private static void atLeast(String field, Number value, long min) {
        if (value != null && value.longValue() < min) {
            throw ApiException.unprocessable(field + " must be at least " + min + ", not " + value);
        }
    }
}
