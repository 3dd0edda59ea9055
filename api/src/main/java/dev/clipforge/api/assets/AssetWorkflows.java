package dev.clipforge.api.assets;

import dev.clipforge.workflows.TaskQueues;
import dev.clipforge.workflows.ingest.AssetIngestWorkflow;
import dev.clipforge.workflows.ingest.SourceKind;
import dev.clipforge.workflows.preview.PreviewActivities;
import dev.clipforge.workflows.preview.PreviewWorkflow;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The asset workflows as the API drives them; Temporal client calls block, so they run off the event loop. */
@Component
public class AssetWorkflows {
    private final WorkflowClient client;

    public AssetWorkflows(WorkflowClient client) {
        this.client = client;
    }

    public Mono<Void> startIngest(String assetId, SourceKind kind, Instant uploadDeadline) {
        return Mono.fromRunnable(() -> {
            AssetIngestWorkflow wf = client.newWorkflowStub(AssetIngestWorkflow.class, WorkflowOptions.newBuilder()
                    .setWorkflowId(AssetIngestWorkflow.workflowId(assetId))
                    .setTaskQueue(TaskQueues.CPU)
                    // a lost ingest (embedded Temporal restarted) may be started again under the same id
                    .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
                    .build());
            try {
                WorkflowClient.start(wf::ingest, new AssetIngestWorkflow.Input(assetId, kind, uploadDeadline));
            } catch (WorkflowExecutionAlreadyStarted e) {
                // already ingesting: nothing to start
            }
        }).subscribeOn(Schedulers.boundedElastic()).then();
    }

    public Mono<Void> uploadCompleted(String assetId) {
        return Mono.fromRunnable(() -> {
            try {
                client.newWorkflowStub(AssetIngestWorkflow.class, AssetIngestWorkflow.workflowId(assetId)).uploadCompleted();
            } catch (WorkflowNotFoundException e) {
                // ingest already finished or was never started: the caller reads the asset's status
            }
        }).subscribeOn(Schedulers.boundedElastic()).then();
    }

    public Mono<Void> cancelIngest(String assetId) {
        return Mono.fromRunnable(() -> {
            try {
                client.newUntypedWorkflowStub(AssetIngestWorkflow.workflowId(assetId)).terminate("project deleted");
            } catch (WorkflowNotFoundException e) {
                // nothing running
            }
        }).subscribeOn(Schedulers.boundedElastic()).then();
    }

    public Mono<List<PreviewActivities.Frame>> frames(PreviewActivities.Request request) {
        return Mono.fromCallable(() -> client.newWorkflowStub(PreviewWorkflow.class, WorkflowOptions.newBuilder()
                        .setWorkflowId("preview-" + request.assetId() + "-" + UUID.randomUUID())
                        .setTaskQueue(TaskQueues.CPU)
                        .setWorkflowExecutionTimeout(Duration.ofMinutes(3))
                        .build()).frames(request))
                .subscribeOn(Schedulers.boundedElastic());
    }
}
