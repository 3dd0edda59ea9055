package dev.clipforge.api.clips;

import dev.clipforge.api.error.ApiException;
import dev.clipforge.api.idempotency.Idempotency;
import dev.clipforge.api.page.Page;
import dev.clipforge.api.page.PageRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;

@RestController
@RequestMapping("/v1/clips")
public class ClipController {
    private final ClipService clips;

    public ClipController(ClipService clips) {
        this.clips = clips;
    }

    @PostMapping
    public Mono<ResponseEntity<ClipView>> create(@Valid @RequestBody CreateClipRequest request,
                                                 @RequestHeader(value = Idempotency.HEADER, required = false) String key) {
        return clips.create(request, key).map(v -> ResponseEntity.status(HttpStatus.CREATED).body(v));
    }

    /** With {@code wait_seconds}, answers as soon as {@code state_version} passes {@code since_version} (long poll). */
    @GetMapping("/{id}")
    public Mono<ClipView> get(@PathVariable String id, @RequestParam(name = "wait_seconds", required = false) String wait,
                              @RequestParam(name = "since_version", required = false) String since) {
        if (wait == null) {
            return clips.get(id);
        }
        double seconds = number("wait_seconds", wait);
        long version = since == null ? -1 : (long) number("since_version", since);
        if (seconds < 0) {
            throw ApiException.badRequest("wait_seconds must be >= 0");
        }
        return clips.awaitVersion(id, version < 0 ? Long.MAX_VALUE : version, Duration.ofMillis((long) (seconds * 1000)))
                .switchIfEmpty(clips.get(id));
    }

    /** Server-sent events: the current snapshot, then one event per published snapshot. */
    @GetMapping(value = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<ClipView>> events(@PathVariable String id) {
        Flux<ServerSentEvent<ClipView>> snapshots = clips.events(id)
                .map(v -> ServerSentEvent.builder(v).id(String.valueOf(v.stateVersion())).event("snapshot").build());
        Flux<ServerSentEvent<ClipView>> keepAlive = Flux.interval(Duration.ofSeconds(15))
                .map(i -> ServerSentEvent.<ClipView>builder().comment("keep-alive").build());
        return snapshots.mergeWith(keepAlive.takeUntilOther(snapshots.ignoreElements().then(Mono.just(1))));
    }

    @GetMapping
    public Mono<Page<ClipView>> list(@RequestParam(name = "project_id", required = false) String projectId,
                                     @RequestParam(required = false) String status,
                                     @RequestParam(required = false) String limit,
                                     @RequestParam(required = false) String offset) {
        return clips.list(projectId, status, PageRequest.of(limit, offset));
    }

    @PostMapping("/{id}/reselect")
    public Mono<ClipView> reselect(@PathVariable String id, @RequestBody CommandRequests.Reselect body) {
        return clips.reselect(id, body);
    }

    @PostMapping("/{id}/repair")
    public Mono<ClipView> repair(@PathVariable String id, @RequestBody(required = false) CommandRequests.Repair body) {
        return clips.repair(id, body);
    }

    @PostMapping("/{id}/export")
    public Mono<ClipView> export(@PathVariable String id, @RequestBody(required = false) CommandRequests.Export body) {
        return clips.export(id, body);
    }

    @PostMapping("/{id}/cancel")
    public Mono<ClipView> cancel(@PathVariable String id) {
        return clips.cancel(id);
    }

    private static double number(String name, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " must be a number, got '" + value + "'");
        }
    }
}
