package dev.clipforge.api.assets;

import dev.clipforge.api.projects.ProjectCleanup;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Stops ingests still running for a project being deleted, so none writes after its objects are gone. */
@Component
@Order(20)
class AssetCleanup implements ProjectCleanup {
    private final AssetRepository repository;
    private final AssetWorkflows workflows;

    AssetCleanup(AssetRepository repository, AssetWorkflows workflows) {
        this.repository = repository;
        this.workflows = workflows;
    }

    @Override
    public Mono<Void> beforeDelete(String projectId) {
        return repository.unfinishedIds(projectId).concatMap(workflows::cancelIngest).then();
    }
}
