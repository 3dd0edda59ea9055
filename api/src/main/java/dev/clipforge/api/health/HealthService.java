package dev.clipforge.api.health;

import dev.clipforge.common.config.ClipforgeProperties;
import dev.clipforge.common.store.ObjectStore;
import dev.clipforge.workflows.TaskQueues;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.TaskQueueType;
import io.temporal.api.taskqueue.v1.PollerInfo;
import io.temporal.api.taskqueue.v1.TaskQueue;
import io.temporal.api.workflowservice.v1.DescribeTaskQueueRequest;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

@Service
public class HealthService {
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(3);

    private final DatabaseClient db;
    private final WorkflowServiceStubs temporal;
    private final ObjectStore store;
    private final ClipforgeProperties properties;
    private final List<HealthContributor> contributors;
    /** Null until we know; false once the Temporal service said it cannot describe task queues. */
    private volatile Boolean temporalDescribesQueues;

    public HealthService(DatabaseClient db, WorkflowServiceStubs temporal, ObjectStore store,
                         ClipforgeProperties properties, List<HealthContributor> contributors) {
        this.db = db;
        this.temporal = temporal;
        this.store = store;
        this.properties = properties;
        this.contributors = contributors;
    }

    public Mono<HealthReport> check() {
        Mono<HealthReport.Check> database = timed(db.sql("select 1").fetch().one().then(Mono.just("postgres")));
        Mono<HealthReport.Check> temporalCheck = blocking(() -> {
            temporal.blockingStub().withDeadlineAfter(CHECK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
            return properties.temporal().namespace();
        });
        Mono<HealthReport.Check> storeCheck = blocking(() -> {
            store.ping();
            return store.bucket();
        });
        Mono<Map<String, HealthReport.QueueCheck>> queues = Flux.fromIterable(TaskQueues.REQUIRED)
                .concatMap(q -> pollers(q).map(c -> Map.entry(q, c)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, LinkedHashMap::new);
        Mono<Map<String, HealthReport.Check>> extra = Flux.fromIterable(contributors)
                .concatMap(c -> c.check().timeout(CHECK_TIMEOUT)
                        .onErrorResume(e -> Mono.just(HealthReport.Check.down(0, message(e))))
                        .map(r -> Map.entry(c.name(), r)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, LinkedHashMap::new);

        return Mono.zip(database, temporalCheck, storeCheck, queues, extra).map(t -> {
            Map<String, HealthReport.Check> checks = new LinkedHashMap<>();
            checks.put("database", t.getT1());
            checks.put("temporal", t.getT2());
            checks.put("object_store", t.getT3());
            checks.putAll(t.getT5());
            boolean up = checks.values().stream().allMatch(HealthReport.Check::isUp)
                    && t.getT4().values().stream().allMatch(q -> "up".equals(q.status()));
            return new HealthReport(up ? "up" : "down", checks, t.getT4(),
                    Map.of("roles", properties.roles(), "checked_at", Instant.now(), "auth", properties.authDisabled()
                            ? "disabled: development mode, no API keys, every caller is the default organisation's admin;"
                            + " serving on loopback only" : "enabled: API keys required"));
        });
    }

    private Mono<HealthReport.QueueCheck> pollers(String queue) {
        if (!Boolean.FALSE.equals(temporalDescribesQueues)) {
            return Mono.fromCallable(() -> describe(queue)).subscribeOn(Schedulers.boundedElastic())
                    .onErrorResume(e -> {
                        if (e instanceof StatusRuntimeException s && s.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
                            temporalDescribesQueues = false;
                        }
                        return registry(queue);
                    });
        }
        return registry(queue);
    }

    private HealthReport.QueueCheck describe(String queue) {
        List<HealthReport.Poller> pollers = new ArrayList<>();
        for (TaskQueueType type : List.of(TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW, TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY)) {
            var response = temporal.blockingStub().withDeadlineAfter(CHECK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .describeTaskQueue(DescribeTaskQueueRequest.newBuilder()
                            .setNamespace(properties.temporal().namespace())
                            .setTaskQueue(TaskQueue.newBuilder().setName(queue).build())
                            .setTaskQueueType(type).build());
            for (PollerInfo p : response.getPollersList()) {
                pollers.add(new HealthReport.Poller(p.getIdentity(),
                        Instant.ofEpochSecond(p.getLastAccessTime().getSeconds(), p.getLastAccessTime().getNanos())));
            }
        }
        temporalDescribesQueues = true;
        return new HealthReport.QueueCheck(pollers.isEmpty() ? "down" : "up", "temporal", pollers);
    }

    /** Pollers as the workers record themselves: seen within three heartbeat intervals. */
    private Mono<HealthReport.QueueCheck> registry(String queue) {
        long staleSeconds = properties.workers().heartbeatInterval().multipliedBy(3).toSeconds() + 1;
        return db.sql("""
                        select identity, last_seen_at from worker_pollers
                        where task_queue = :queue and last_seen_at > now() - make_interval(secs => :stale)
                        order by identity""")
                .bind("queue", queue)
                .bind("stale", (double) staleSeconds)
                .map((row, meta) -> new HealthReport.Poller(row.get("identity", String.class),
                        row.get("last_seen_at", OffsetDateTime.class).toInstant()))
                .all().collectList()
                .map(list -> new HealthReport.QueueCheck(list.isEmpty() ? "down" : "up", "worker_registry", list))
                .onErrorResume(e -> Mono.just(new HealthReport.QueueCheck("down", "worker_registry", List.of())));
    }

    private static Mono<HealthReport.Check> blocking(Supplier<String> probe) {
        return timed(Mono.fromSupplier(probe).subscribeOn(Schedulers.boundedElastic()));
    }

    private static Mono<HealthReport.Check> timed(Mono<String> probe) {
        return Mono.defer(() -> {
            long start = System.nanoTime();
            return probe.timeout(CHECK_TIMEOUT)
                    .map(detail -> HealthReport.Check.up(elapsed(start), detail))
                    .onErrorResume(e -> Mono.just(HealthReport.Check.down(elapsed(start), message(e))));
        });
    }

    private static long elapsed(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
