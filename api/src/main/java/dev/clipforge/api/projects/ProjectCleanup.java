package dev.clipforge.api.projects;

import reactor.core.publisher.Mono;

/** Work a feature must do before its project's rows go: cancel runs, delete objects. */
public interface ProjectCleanup {
    Mono<Void> beforeDelete(String projectId);
}
