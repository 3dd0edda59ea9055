package dev.clipforge.workflows.ingest;

import dev.clipforge.workflows.TaskQueues;
import dev.clipforge.workflows.run.FailureCodes;
import dev.clipforge.workflows.stages.StageFailures;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;

import java.time.Duration;

public class AssetIngestWorkflowImpl implements AssetIngestWorkflow {
    /** Upload checks back off from the first interval to the last while waiting for a presigned PUT. */
    private static final Duration FIRST_CHECK = Duration.ofSeconds(1);
    private static final Duration MAX_CHECK = Duration.ofSeconds(15);

    private final IngestActivities quick = Workflow.newActivityStub(IngestActivities.class, ActivityOptions.newBuilder()
            .setTaskQueue(TaskQueues.CPU)
            .setStartToCloseTimeout(Duration.ofSeconds(30))
            .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(10).build())
            .build());
    private final IngestActivities heavy = Workflow.newActivityStub(IngestActivities.class, ActivityOptions.newBuilder()
            .setTaskQueue(TaskQueues.CPU)
            .setStartToCloseTimeout(Duration.ofHours(2))
            .setHeartbeatTimeout(Duration.ofMinutes(2))
            .setRetryOptions(RetryOptions.newBuilder()
                    .setInitialInterval(Duration.ofSeconds(2))
                    .setMaximumAttempts(4)
                    .setDoNotRetry(FailureCodes.NON_RETRYABLE.toArray(String[]::new))
                    .build())
            .build());

    private boolean uploadCompleted;

    @Override
    public void ingest(Input input) {
        try {
            switch (input.kind()) {
                case PRESIGNED -> {
                    if (!awaitUpload(input)) {
                        return;
                    }
                }
                case URL, YOUTUBE -> heavy.fetchSource(input.assetId());
                case MULTIPART -> {
                }
            }
            heavy.ingestSource(input.assetId());
        } catch (ActivityFailure e) {
            quick.markFailed(input.assetId(), toAssetError(e));
        }
    }

    private boolean awaitUpload(Input input) {
        Duration interval = FIRST_CHECK;
        while (true) {
            IngestActivities.UploadState state = quick.checkUpload(input.assetId());
            if (state.present()) {
                return true;
            }
            long remaining = input.uploadDeadline().toEpochMilli() - Workflow.currentTimeMillis();
            if (remaining <= 0) {
                quick.markFailed(input.assetId(), new AssetError("upload_expired",
                        "nothing was uploaded before the upload URL expired",
                        "no object arrived at the presigned upload URL before " + input.uploadDeadline(),
                        "create the asset again with POST /v1/assets and upload within the URL's lifetime", false));
                return false;
            }
            boolean signalled = Workflow.await(Duration.ofMillis(Math.min(interval.toMillis(), remaining)),
                    () -> uploadCompleted);
            if (signalled) {
                uploadCompleted = false;
            }
            interval = interval.multipliedBy(2).compareTo(MAX_CHECK) > 0 ? MAX_CHECK : interval.multipliedBy(2);
        }
    }

    @Override
    public void uploadCompleted() {
        uploadCompleted = true;
    }

    private static AssetError toAssetError(ActivityFailure failure) {
        if (failure.getCause() instanceof ApplicationFailure af) {
            StageFailures.Detail detail = null;
            try {
                detail = af.getDetails().getSize() == 0 ? null : af.getDetails().get(StageFailures.Detail.class);
            } catch (RuntimeException ignored) {
                // details of another shape: keep the message alone
            }
            boolean retryable = !af.isNonRetryable() && !FailureCodes.NON_RETRYABLE.contains(af.getType());
            return new AssetError(af.getType(), af.getOriginalMessage(),
                    detail == null ? af.getOriginalMessage() : detail.whyFailed(),
                    detail == null ? "upload the file again; if it keeps failing, report the asset id" : detail.howToFix(),
                    retryable);
        }
        return new AssetError(FailureCodes.INTERNAL, "ingest did not finish",
                String.valueOf(failure.getCause() == null ? failure.getMessage() : failure.getCause().getMessage()),
                "upload the file again; if it keeps failing, report the asset id", true);
    }
}
