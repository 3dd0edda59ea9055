package dev.clipforge.api.projects;

import dev.clipforge.common.assets.ObjectKeys;
import dev.clipforge.common.store.ObjectStore;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Last cleanup step: every object of the project lives under its prefix (sources, derived media, previews, exports). */
@Component
@Order(100)
class ProjectObjectsCleanup implements ProjectCleanup {
    private final ObjectStore store;

    ProjectObjectsCleanup(ObjectStore store) {
        this.store = store;
    }

    @Override
    public Mono<Void> beforeDelete(String projectId) {
        return Mono.fromRunnable(() -> store.deletePrefix(ObjectKeys.project(projectId)))
                .subscribeOn(Schedulers.boundedElastic()).then();
    }
}
