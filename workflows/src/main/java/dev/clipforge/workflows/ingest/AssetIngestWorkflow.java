package dev.clipforge.workflows.ingest;

import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

import java.time.Instant;

/** Takes one asset from created to ready or failed (workflow id {@code ingest-<asset id>}). */
@WorkflowInterface
public interface AssetIngestWorkflow {

    /** @param uploadDeadline for presigned uploads: when to stop waiting for the object */
    record Input(String assetId, SourceKind kind, Instant uploadDeadline) {
    }

    static String workflowId(String assetId) {
        return "ingest-" + assetId;
    }

    @WorkflowMethod
    void ingest(Input input);

    /** The client says its presigned upload finished ({@code POST /v1/assets/{id}/complete}). */
    @SignalMethod
    void uploadCompleted();
}
