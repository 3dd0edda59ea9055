package dev.clipforge.api.runs;

import dev.clipforge.api.clips.ClipRepository;
import dev.clipforge.api.clips.RunSettingsFactory;
import dev.clipforge.common.json.Json;
import dev.clipforge.workflows.TaskQueues;
import dev.clipforge.workflows.ingest.AssetIngestWorkflow;
import dev.clipforge.workflows.ingest.SourceKind;
import dev.clipforge.workflows.run.ClipRunInput;
import dev.clipforge.workflows.run.ClipRunSpec;
import dev.clipforge.workflows.run.ClipRunWorkflow;
import dev.clipforge.workflows.run.ClipSnapshot;
import dev.clipforge.workflows.run.ExportStatus;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * At start, every run and ingest whose row says it is in flight but whose workflow Temporal no longer has
 * (the embedded server keeps history in memory) is started again from its last durable state: the
 * selection, repair passes and requested export it had, with {@code state_version} continuing. Stages
 * whose artifacts exist (transcript, suggestions, analysis, previews) return at once from the cache.
 */
@Component
public class Reconciler {
    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

    private final ClipRepository clips;
    private final DatabaseClient db;
    private final WorkflowClient temporal;
    private final RunSettingsFactory settings;

    public Reconciler(ClipRepository clips, DatabaseClient db, WorkflowClient temporal, RunSettingsFactory settings) {
        this.clips = clips;
        this.db = db;
        this.temporal = temporal;
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void reconcile() {
        reconcileAll().block(Duration.ofMinutes(2));
    }

    public Mono<long[]> reconcileAll() {
        return Mono.zip(assets().count(), runs().count()).map(t -> {
            if (t.getT1() + t.getT2() > 0) {
                log.info("reconciled after restart: {} ingest(s) and {} clip run(s) started again", t.getT1(), t.getT2());
            }
            return new long[]{t.getT1(), t.getT2()};
        });
    }

    private Flux<String> runs() {
        return clips.unfinished(null)
                .filterWhen(r -> lost(r.id()))
                .concatMap(r -> Mono.fromCallable(() -> {
                    ClipRunSpec spec = Json.read(r.spec(), ClipRunSpec.class);
                    ClipRunInput.Resume resume = resume(r);
                    ClipRunInput input = new ClipRunInput(r.id(), r.projectId(), r.assetId(), spec, settings.runSettings(),
                            r.createdAt().toInstant(), resume, r.organisationId());
                    start(r.id(), run -> WorkflowClient.start(run::run, input));
                    return r.id();
                }).subscribeOn(Schedulers.boundedElastic()));
    }

    /** What a restarted run keeps: the current selection, its repair, a requested export and its version. */
    static ClipRunInput.Resume resume(ClipRepository.Row r) {
        if (r.snapshot() == null) {
            return new ClipRunInput.Resume(Json.read(r.spec(), ClipRunSpec.class).selectionOrDefault(), 0, null, null,
                    r.stateVersion());
        }
        ClipSnapshot s = Json.read(r.snapshot(), ClipSnapshot.class);
        ClipRunSpec.Selection selection = new ClipRunSpec.Selection(s.selection().selectionMode(),
                s.selection().selectionMode() == dev.clipforge.workflows.run.SelectionMode.SUGGESTION ? s.selection().suggestionId() : null,
                s.selection().startSeconds(), s.selection().endSeconds());
        return new ClipRunInput.Resume(selection, s.repair().passesUsed(), s.repair().lastMode(),
                s.export().status() == ExportStatus.RUNNING ? s.export().quality() : null, s.stateVersion());
    }

    private void start(String id, java.util.function.Consumer<ClipRunWorkflow> starter) {
        ClipRunWorkflow run = temporal.newWorkflowStub(ClipRunWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId(id).setTaskQueue(TaskQueues.CPU)
                .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE).build());
        try {
            starter.accept(run);
        } catch (WorkflowExecutionAlreadyStarted e) {
            // another process reconciled it first
        }
    }

    private Flux<String> assets() {
        return db.sql("select id, source_kind, upload_expires_at from assets where status in ('awaiting_upload', 'ingesting')")
                .map((row, meta) -> new Object[]{row.get("id", String.class), row.get("source_kind", String.class),
                        row.get("upload_expires_at", OffsetDateTime.class)})
                .all()
                .filterWhen(a -> lost(AssetIngestWorkflow.workflowId((String) a[0])))
                .concatMap(a -> Mono.fromCallable(() -> {
                    String id = (String) a[0];
                    SourceKind kind = SourceKind.valueOf(((String) a[1]).toUpperCase(java.util.Locale.ROOT));
                    OffsetDateTime expires = (OffsetDateTime) a[2];
                    Instant deadline = expires == null ? null : expires.toInstant().plus(Duration.ofMinutes(15));
                    AssetIngestWorkflow wf = temporal.newWorkflowStub(AssetIngestWorkflow.class, WorkflowOptions.newBuilder()
                            .setWorkflowId(AssetIngestWorkflow.workflowId(id)).setTaskQueue(TaskQueues.CPU)
                            .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE).build());
                    try {
                        WorkflowClient.start(wf::ingest, new AssetIngestWorkflow.Input(id, kind, deadline));
                    } catch (WorkflowExecutionAlreadyStarted e) {
                        // another process reconciled it first
                    }
                    return id;
                }).subscribeOn(Schedulers.boundedElastic()));
    }

    /** True when Temporal has no open execution of the workflow (it never heard of it, or lost it). */
    private Mono<Boolean> lost(String workflowId) {
        return Mono.fromCallable(() -> {
            try {
                var response = temporal.getWorkflowServiceStubs().blockingStub().describeWorkflowExecution(
                        DescribeWorkflowExecutionRequest.newBuilder().setNamespace(temporal.getOptions().getNamespace())
                                .setExecution(WorkflowExecution.newBuilder().setWorkflowId(workflowId)).build());
                return response.getWorkflowExecutionInfo().hasCloseTime();
            } catch (StatusRuntimeException e) {
                if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                    return true;
                }
                throw e;
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }
}
