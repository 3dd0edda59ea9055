package dev.clipforge.api.clips;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.OffsetDateTime;

@Repository
public class ClipRepository {
    private static final String COLUMNS = """
            id, project_id, asset_id, organisation_id, status, next_action, state_version, spec::text as spec,
            snapshot::text as snapshot, progress::text as progress, created_at, updated_at""";

    private final DatabaseClient db;

    public ClipRepository(DatabaseClient db) {
        this.db = db;
    }

    /** A clip row: JSON columns as text, parsed by the service when it builds a view. */
    public record Row(String id, String projectId, String assetId, String organisationId, String status, String nextAction,
                      long stateVersion,
                      String spec, String snapshot, String progress, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    Mono<Void> insert(String id, String projectId, String assetId, String organisationId, String specJson) {
        return db.sql("""
                        insert into clip_runs (id, project_id, asset_id, organisation_id, status, next_action, state_version, spec)
                        values (:id, :project, :asset, :org, 'ingesting', 'poll', 0, cast(:spec as jsonb))""")
                .bind("id", id).bind("project", projectId).bind("asset", assetId).bind("org", organisationId)
                .bind("spec", specJson).fetch().rowsUpdated().then();
    }

    /** A run by id, whoever owns it: for reads after {@link #find(String, String)} has checked the owner. */
    public Mono<Row> find(String id) {
        return db.sql("select " + COLUMNS + " from clip_runs where id = :id").bind("id", id).map((r, m) -> map(r)).one();
    }

    /** The run, if it belongs to the organisation: another organisation's run is not found. */
    Mono<Row> find(String id, String organisationId) {
        return db.sql("select " + COLUMNS + " from clip_runs where id = :id and organisation_id = :org")
                .bind("id", id).bind("org", organisationId).map((r, m) -> map(r)).one();
    }

    Flux<Row> page(String organisationId, String projectId, String status, int limit, long offset) {
        var spec = db.sql("select " + COLUMNS + " from clip_runs where organisation_id = :org"
                + " and (cast(:project as text) is null or project_id = :project)"
                + " and (cast(:status as text) is null or status = :status) order by created_at desc, id limit :limit offset :offset");
        spec = projectId == null ? spec.bindNull("project", String.class) : spec.bind("project", projectId);
        spec = status == null ? spec.bindNull("status", String.class) : spec.bind("status", status);
        return spec.bind("org", organisationId).bind("limit", limit).bind("offset", offset).map((r, m) -> map(r)).all();
    }

    Mono<Long> count(String organisationId, String projectId, String status) {
        var spec = db.sql("select count(*) as n from clip_runs where organisation_id = :org"
                + " and (cast(:project as text) is null or project_id = :project)"
                + " and (cast(:status as text) is null or status = :status)");
        spec = projectId == null ? spec.bindNull("project", String.class) : spec.bind("project", projectId);
        spec = status == null ? spec.bindNull("status", String.class) : spec.bind("status", status);
        return spec.bind("org", organisationId).map((r, m) -> r.get("n", Long.class)).one();
    }

    /** Exports the organisation made in the last 24 hours, and when the oldest of them was made. */
    record RecentExports(long count, OffsetDateTime oldest) {
    }

    Mono<RecentExports> exportsInLastDay(String organisationId) {
        return db.sql("select count(*) as n, min(created_at) as oldest from exports"
                        + " where organisation_id = :org and created_at > now() - interval '1 day'")
                .bind("org", organisationId)
                .map((r, m) -> new RecentExports(r.get("n", Long.class), r.get("oldest", OffsetDateTime.class))).one();
    }

    /** Runs not yet finished: what a project delete must cancel and a restart must reconcile. */
    public Flux<Row> unfinished(String projectId) {
        var spec = db.sql("select " + COLUMNS + " from clip_runs where status not in ('exported', 'failed', 'cancelled')"
                + " and (cast(:project as text) is null or project_id = :project)");
        spec = projectId == null ? spec.bindNull("project", String.class) : spec.bind("project", projectId);
        return spec.map((r, m) -> map(r)).all();
    }

    /** Runs on an asset that may still take commands (an exported run can still be reselected). */
    public Flux<Row> live(String assetId) {
        return db.sql("select " + COLUMNS + " from clip_runs where asset_id = :asset and status not in ('failed', 'cancelled')")
                .bind("asset", assetId).map((r, m) -> map(r)).all();
    }

    Mono<ExportRow> export(String exportId, String organisationId) {
        return db.sql("select id, clip_id, project_id, quality, object_key, size_bytes from exports"
                        + " where id = :id and organisation_id = :org")
                .bind("id", exportId).bind("org", organisationId)
                .map((r, m) -> new ExportRow(r.get("id", String.class), r.get("clip_id", String.class),
                        r.get("project_id", String.class), r.get("quality", String.class), r.get("object_key", String.class),
                        r.get("size_bytes", Long.class)))
                .one();
    }

    record ExportRow(String id, String clipId, String projectId, String quality, String objectKey, long sizeBytes) {
    }

    private static Row map(Readable r) {
        return new Row(r.get("id", String.class), r.get("project_id", String.class), r.get("asset_id", String.class),
                r.get("organisation_id", String.class), r.get("status", String.class), r.get("next_action", String.class), r.get("state_version", Long.class),
                r.get("spec", String.class), r.get("snapshot", String.class), r.get("progress", String.class),
                r.get("created_at", OffsetDateTime.class), r.get("updated_at", OffsetDateTime.class));
    }
}
