package dev.clipforge.workflows.preview;

import dev.clipforge.workflows.TaskQueues;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;

import java.time.Duration;
import java.util.List;

public class PreviewWorkflowImpl implements PreviewWorkflow {
    private final PreviewActivities previews = Workflow.newActivityStub(PreviewActivities.class, ActivityOptions.newBuilder()
            .setTaskQueue(TaskQueues.CPU)
            .setStartToCloseTimeout(Duration.ofMinutes(2))
            .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(2).build())
            .build());

    @Override
    public List<PreviewActivities.Frame> frames(PreviewActivities.Request request) {
        return previews.extractFrames(request);
    }
}
