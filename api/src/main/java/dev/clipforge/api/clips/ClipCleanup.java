package dev.clipforge.api.clips;

import dev.clipforge.api.projects.ProjectCleanup;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Stops a deleted project's unfinished runs first, so none writes after the objects are gone. */
@Component
@Order(10)
class ClipCleanup implements ProjectCleanup {
    private final ClipRepository repository;
    private final WorkflowClient temporal;

    ClipCleanup(ClipRepository repository, WorkflowClient temporal) {
        this.repository = repository;
        this.temporal = temporal;
    }

    @Override
    public Mono<Void> beforeDelete(String projectId) {
        return repository.unfinished(projectId).concatMap(r -> Mono.fromRunnable(() -> {
            try {
                temporal.newUntypedWorkflowStub(r.id()).terminate("project deleted");
            } catch (WorkflowException e) {
                // already gone
            }
        }).subscribeOn(Schedulers.boundedElastic())).then();
    }
}
