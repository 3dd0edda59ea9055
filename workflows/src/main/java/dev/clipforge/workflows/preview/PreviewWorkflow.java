package dev.clipforge.workflows.preview;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

import java.util.List;

/** Runs one frame extraction on a worker for an API request that waits for it. */
@WorkflowInterface
public interface PreviewWorkflow {
    @WorkflowMethod
    List<PreviewActivities.Frame> frames(PreviewActivities.Request request);
}
