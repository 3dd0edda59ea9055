package dev.clipforge.api.projects;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.OffsetDateTime;

@Repository
public class ProjectRepository {
    private static final String SELECT = """
            select p.id, p.name, p.created_at, p.updated_at,
                   (select count(*) from assets a where a.project_id = p.id) as asset_count,
                   (select count(*) from clip_runs c where c.project_id = p.id) as clip_count
            from projects p""";

    private final DatabaseClient db;

    public ProjectRepository(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> insert(String id, String name, String organisationId) {
        return db.sql("insert into projects (id, name, organisation_id) values (:id, :name, :org)")
                .bind("id", id).bind("name", name).bind("org", organisationId).fetch().rowsUpdated().then();
    }

    /** The project, if it belongs to the organisation: another organisation's project is not found. */
    public Mono<ProjectView> find(String id, String organisationId) {
        return db.sql(SELECT + " where p.id = :id and p.organisation_id = :org").bind("id", id).bind("org", organisationId)
                .map((row, meta) -> map(row)).one();
    }

    public Flux<ProjectView> page(String organisationId, int limit, long offset) {
        return db.sql(SELECT + " where p.organisation_id = :org order by p.created_at desc, p.id limit :limit offset :offset")
                .bind("org", organisationId).bind("limit", limit).bind("offset", offset).map((row, meta) -> map(row)).all();
    }

    public Mono<Long> count(String organisationId) {
        return db.sql("select count(*) as n from projects where organisation_id = :org").bind("org", organisationId)
                .map((row, meta) -> row.get("n", Long.class)).one();
    }

    public Mono<Long> delete(String id) {
        return db.sql("delete from projects where id = :id").bind("id", id).fetch().rowsUpdated();
    }

    private static ProjectView map(io.r2dbc.spi.Readable row) {
        return new ProjectView(row.get("id", String.class), row.get("name", String.class),
                row.get("asset_count", Long.class), row.get("clip_count", Long.class),
                row.get("created_at", OffsetDateTime.class).toInstant(),
                row.get("updated_at", OffsetDateTime.class).toInstant());
    }
}
