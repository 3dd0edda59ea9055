package dev.clipforge.api.tenancy;

import dev.clipforge.common.json.Json;
import dev.clipforge.common.tenancy.Limits;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.OffsetDateTime;

@Repository
class ApiKeyRepository {
    private static final String COLUMNS = "id, organisation_id, name, prefix, role, created_by, created_at, last_used_at, revoked_at";

    private final DatabaseClient db;

    ApiKeyRepository(DatabaseClient db) {
        this.db = db;
    }

    /** What authenticating a key needs, in one read: the key's row and its organisation's limits. */
    record Credential(String id, String organisationId, Role role, String keyHash, boolean revoked,
                      Limits.Overrides limits) {
    }

    Mono<Credential> credential(String prefix) {
        return db.sql("""
                        select k.id, k.organisation_id, k.role, k.key_hash, k.revoked_at is not null as revoked,
                               o.limits::text as limits
                        from api_keys k join organisations o on o.id = k.organisation_id where k.prefix = :prefix""")
                .bind("prefix", prefix)
                .map((r, m) -> new Credential(r.get("id", String.class), r.get("organisation_id", String.class),
                        Role.parse(r.get("role", String.class)), r.get("key_hash", String.class),
                        Boolean.TRUE.equals(r.get("revoked", Boolean.class)),
                        Json.read(r.get("limits", String.class), Limits.Overrides.class)))
                .one();
    }

    Mono<Void> insert(String id, String organisationId, String name, String prefix, String hash, Role role, String createdBy) {
        var spec = db.sql("""
                        insert into api_keys (id, organisation_id, name, prefix, key_hash, role, created_by)
                        values (:id, :org, :name, :prefix, :hash, :role, :by)""")
                .bind("id", id).bind("org", organisationId).bind("name", name).bind("prefix", prefix).bind("hash", hash)
                .bind("role", role.wire());
        return (createdBy == null ? spec.bindNull("by", String.class) : spec.bind("by", createdBy)).fetch().rowsUpdated().then();
    }

    Mono<ApiKeyView> find(String id) {
        return db.sql("select " + COLUMNS + " from api_keys where id = :id").bind("id", id).map((r, m) -> view(r)).one();
    }

    Flux<ApiKeyView> page(String organisationId, int limit, long offset) {
        return db.sql("select " + COLUMNS + " from api_keys where organisation_id = :org order by created_at desc, id"
                        + " limit :limit offset :offset")
                .bind("org", organisationId).bind("limit", limit).bind("offset", offset).map((r, m) -> view(r)).all();
    }

    Mono<Long> count(String organisationId) {
        return db.sql("select count(*) as n from api_keys where organisation_id = :org").bind("org", organisationId)
                .map((r, m) -> r.get("n", Long.class)).one();
    }

    Mono<Long> countAll() {
        return db.sql("select count(*) as n from api_keys").map((r, m) -> r.get("n", Long.class)).one();
    }

    Mono<Long> activeAdmins() {
        return db.sql("select count(*) as n from api_keys where role = 'admin' and revoked_at is null")
                .map((r, m) -> r.get("n", Long.class)).one();
    }

    Mono<Long> revoke(String id) {
        return db.sql("update api_keys set revoked_at = now() where id = :id and revoked_at is null").bind("id", id)
                .fetch().rowsUpdated();
    }

    Mono<Void> touch(String id) {
        return db.sql("update api_keys set last_used_at = now() where id = :id").bind("id", id).fetch().rowsUpdated().then();
    }

    private static ApiKeyView view(Readable r) {
        return new ApiKeyView(r.get("id", String.class), r.get("organisation_id", String.class), r.get("name", String.class),
                r.get("prefix", String.class), Role.parse(r.get("role", String.class)), r.get("created_by", String.class),
                instant(r.get("created_at", OffsetDateTime.class)), instant(r.get("last_used_at", OffsetDateTime.class)),
                instant(r.get("revoked_at", OffsetDateTime.class)));
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
