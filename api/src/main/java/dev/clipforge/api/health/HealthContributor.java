package dev.clipforge.api.health;

import reactor.core.publisher.Mono;

/**
 * Something else /v1/health reports (a transcription provider, the auth mode). A contributor that says
 * {@code down} makes the whole report down.
 */
public interface HealthContributor {
    String name();

    Mono<HealthReport.Check> check();
}
