package dev.clipforge.api.projects;

import dev.clipforge.api.error.ApiException;
import dev.clipforge.api.idempotency.Idempotency;
import dev.clipforge.api.page.Page;
import dev.clipforge.api.page.PageRequest;
import dev.clipforge.api.tenancy.Tenancy;
import dev.clipforge.common.Ids;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;

@Service
public class ProjectService {
    private final ProjectRepository repository;
    private final Idempotency idempotency;
    private final List<ProjectCleanup> cleanups;

    public ProjectService(ProjectRepository repository, Idempotency idempotency, List<ProjectCleanup> cleanups) {
        this.repository = repository;
        this.idempotency = idempotency;
        this.cleanups = cleanups;
    }

    public Mono<ProjectView> create(CreateProjectRequest request, String idempotencyKey) {
        return idempotency.run("projects", idempotencyKey, request, Ids.next(Ids.PROJECT),
                id -> Tenancy.organisation().flatMap(org -> repository.insert(id, request.name().strip(), org)).then(get(id)),
                this::get);
    }

    /**
     * The given project's id, or a new project named after the source's host ("Clips from example.com")
     * for callers that start from a video alone.
     */
    public Mono<String> existingOrNew(String projectId, String source) {
        if (projectId != null) {
            return get(projectId).map(ProjectView::projectId);
        }
        String name = source == null ? "source" : source.replaceFirst("^\\w+://", "").split("[/?#]")[0];
        return create(new CreateProjectRequest("Clips from " + name.substring(0, Math.min(80, name.length()))), null)
                .map(ProjectView::projectId);
    }

    public Mono<ProjectView> get(String id) {
        return Tenancy.organisation().flatMap(org -> repository.find(id, org))
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("project", id)));
    }

    public Mono<Page<ProjectView>> list(PageRequest page) {
        return Tenancy.organisation().flatMap(org -> Mono.zip(repository.page(org, page.limit(), page.offset()).collectList(),
                repository.count(org))).map(t -> Page.of(t.getT1(), page, t.getT2()));
    }

    /**
     * Cancels the project's running clip runs and deletes every object it owns before its rows, so a
     * failure part-way leaves rows that a retried delete finds again, never orphaned objects.
     */
    public Mono<Void> delete(String id) {
        return get(id)
                .thenMany(Flux.fromIterable(cleanups).concatMap(c -> c.beforeDelete(id)))
                .then(repository.delete(id))
                .then();
    }
}
