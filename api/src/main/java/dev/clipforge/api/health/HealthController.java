package dev.clipforge.api.health;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
public class HealthController {
    private final HealthService health;

    public HealthController(HealthService health) {
        this.health = health;
    }

    /** 200 when the database, Temporal, the object store and a poller on every task queue are up; 503 otherwise. */
    @GetMapping("/v1/health")
    public Mono<ResponseEntity<HealthReport>> health() {
        return health.check().map(r -> ResponseEntity.status(r.up() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(r));
    }
}
