package dev.clipforge.api.assets;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

@Repository
public class AssetRepository {
    private static final String COLUMNS = """
            id, project_id, status, source_kind, source_url, filename, content_type, declared_size_bytes, size_bytes,
            object_key, upload_expires_at, probe::text as probe, derived::text as derived, error::text as error,
            analysis_version, created_at, updated_at""";

    private final DatabaseClient db;

    public AssetRepository(DatabaseClient db) {
        this.db = db;
    }

    /** A new asset of a project; it belongs to the project's organisation. */
    Mono<Void> insert(String id, String projectId, String status, String sourceKind, String sourceUrl, String filename,
                      String contentType, Long declaredSize, Long size, String objectKey, Instant uploadExpiresAt) {
        var spec = db.sql("""
                        insert into assets (id, project_id, organisation_id, status, source_kind, source_url, filename,
                                            content_type, declared_size_bytes, size_bytes, object_key, upload_expires_at)
                        select :id, :project, p.organisation_id, :status, :kind, :url, :filename, :type, :declared, :size,
                               :key, :expires
                        from projects p where p.id = :project""")
                .bind("id", id).bind("project", projectId).bind("status", status).bind("kind", sourceKind)
                .bind("key", objectKey);
        spec = bindNullable(spec, "url", sourceUrl, String.class);
        spec = bindNullable(spec, "filename", filename, String.class);
        spec = bindNullable(spec, "type", contentType, String.class);
        spec = bindNullable(spec, "declared", declaredSize, Long.class);
        spec = bindNullable(spec, "size", size, Long.class);
        spec = bindNullable(spec, "expires", uploadExpiresAt == null ? null : uploadExpiresAt.atOffset(ZoneOffset.UTC),
                OffsetDateTime.class);
        return spec.fetch().rowsUpdated().then();
    }

    Mono<Void> setError(String id, String errorJson) {
        return db.sql("update assets set error = cast(:error as jsonb), updated_at = now() where id = :id")
                .bind("error", errorJson).bind("id", id).fetch().rowsUpdated().then();
    }

    Mono<Void> delete(String id) {
        return db.sql("delete from assets where id = :id").bind("id", id).fetch().rowsUpdated().then();
    }

    /** The asset, if it belongs to the organisation: another organisation's asset is not found. */
    Mono<AssetRecord> find(String id, String organisationId) {
        return db.sql("select " + COLUMNS + " from assets where id = :id and organisation_id = :org")
                .bind("id", id).bind("org", organisationId).map((row, meta) -> map(row)).one();
    }

    Flux<AssetRecord> page(String projectId, int limit, long offset) {
        return db.sql("select " + COLUMNS + " from assets where project_id = :project order by created_at desc, id"
                        + " limit :limit offset :offset")
                .bind("project", projectId).bind("limit", limit).bind("offset", offset)
                .map((row, meta) -> map(row)).all();
    }

    Mono<Long> count(String projectId) {
        return db.sql("select count(*) as n from assets where project_id = :project").bind("project", projectId)
                .map((row, meta) -> row.get("n", Long.class)).one();
    }

    Flux<String> unfinishedIds(String projectId) {
        return db.sql("select id from assets where project_id = :project and status in ('awaiting_upload', 'ingesting')")
                .bind("project", projectId).map((row, meta) -> row.get("id", String.class)).all();
    }

    static <T> DatabaseClient.GenericExecuteSpec bindNullable(DatabaseClient.GenericExecuteSpec spec, String name,
                                                              T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    private static AssetRecord map(Readable row) {
        OffsetDateTime expires = row.get("upload_expires_at", OffsetDateTime.class);
        return new AssetRecord(row.get("id", String.class), row.get("project_id", String.class),
                row.get("status", String.class), row.get("source_kind", String.class), row.get("source_url", String.class),
                row.get("filename", String.class), row.get("content_type", String.class),
                row.get("declared_size_bytes", Long.class), row.get("size_bytes", Long.class),
                row.get("object_key", String.class), expires == null ? null : expires.toInstant(),
                row.get("probe", String.class), row.get("derived", String.class), row.get("error", String.class),
                row.get("analysis_version", Integer.class),
                row.get("created_at", OffsetDateTime.class).toInstant(), row.get("updated_at", OffsetDateTime.class).toInstant());
    }
}
