package dev.clipforge.workflows.transcript;

import dev.clipforge.workflows.TaskQueues;
import dev.clipforge.workflows.run.FailureCodes;
import dev.clipforge.workflows.stages.SourceActivities;
import dev.clipforge.workflows.stages.SuggestActivities;
import dev.clipforge.workflows.stages.TranscribeActivities;
import dev.clipforge.workflows.stages.TranscriptRef;
import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;

import java.time.Duration;

public class TranscriptRevisionWorkflowImpl implements TranscriptRevisionWorkflow {
    private final TranscribeActivities transcriber = Workflow.newActivityStub(TranscribeActivities.class,
            ActivityOptions.newBuilder()
                    .setTaskQueue(TaskQueues.GPU)
                    .setStartToCloseTimeout(Duration.ofMinutes(10))
                    .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(3).build())
                    .build());
    private final SuggestActivities suggester = Workflow.newActivityStub(SuggestActivities.class,
            ActivityOptions.newBuilder()
                    .setTaskQueue(TaskQueues.CPU)
                    .setStartToCloseTimeout(Duration.ofMinutes(20))
                    .setHeartbeatTimeout(Duration.ofMinutes(2))
                    .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(3).build())
                    .build());
    private final SourceActivities sources = Workflow.newLocalActivityStub(SourceActivities.class,
            LocalActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofSeconds(10))
                    .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(5).build())
                    .build());

    @Override
    public TranscriptRef revise(Input input) {
        TranscribeActivities.Revision r = input.revision();
        TranscriptRef revised = transcriber.revise(r);
        if (!sources.advanceAnalysisVersion(r.assetId(), r.fromVersion(), r.toVersion())) {
            throw ApplicationFailure.newNonRetryableFailure("the asset's transcript was revised by someone else first",
                    FailureCodes.VERSION_CONFLICT);
        }
        SourceActivities.SourceStatus status = sources.sourceStatus(r.assetId());
        suggester.suggestMoments(new SuggestActivities.Request(r.assetId(), r.toVersion(), revised, status.info(),
                input.minSeconds(), input.maxSeconds(), input.suggestionCount()));
        return revised;
    }
}
