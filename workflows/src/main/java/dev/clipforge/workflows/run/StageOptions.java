package dev.clipforge.workflows.run;

import dev.clipforge.workflows.TaskQueues;
import io.temporal.activity.ActivityCancellationType;
import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;

import java.time.Duration;

/**
 * Timeouts and retries of every stage. Long stages heartbeat: a worker that dies is noticed within the
 * heartbeat timeout, not at the end of the start-to-close budget.
 */
final class StageOptions {
    private StageOptions() {
    }

    static final LocalActivityOptions DATABASE = LocalActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofSeconds(10))
            // a database restart should delay a run, not fail it
            .setScheduleToCloseTimeout(Duration.ofMinutes(10))
            .setRetryOptions(retry(Integer.MAX_VALUE, Duration.ofSeconds(30)))
            .build();

    static final ActivityOptions TRANSCRIBE = stage(TaskQueues.GPU, Duration.ofHours(4), Duration.ofMinutes(2), 4);
    static final ActivityOptions SUGGEST = stage(TaskQueues.CPU, Duration.ofMinutes(20), Duration.ofMinutes(2), 4);
    static final ActivityOptions ANALYZE = stage(TaskQueues.GPU, Duration.ofHours(1), Duration.ofMinutes(2), 4);
    static final ActivityOptions LAYOUT = stage(TaskQueues.CPU, Duration.ofMinutes(10), Duration.ofMinutes(2), 4);
    static final ActivityOptions CAPTIONS = stage(TaskQueues.CPU, Duration.ofMinutes(10), Duration.ofMinutes(2), 4);
    static final ActivityOptions RENDER = stage(TaskQueues.CPU, Duration.ofHours(1), Duration.ofMinutes(2), 4);
    static final ActivityOptions QA = stage(TaskQueues.CPU, Duration.ofMinutes(30), Duration.ofMinutes(2), 4);
    static final ActivityOptions EXPORT = stage(TaskQueues.CPU, Duration.ofHours(2), Duration.ofMinutes(2), 4);

    private static ActivityOptions stage(String queue, Duration startToClose, Duration heartbeat, int attempts) {
        return ActivityOptions.newBuilder()
                .setTaskQueue(queue)
                .setStartToCloseTimeout(startToClose)
                .setHeartbeatTimeout(heartbeat)
                .setRetryOptions(retry(attempts, Duration.ofMinutes(1)))
                // a reselect must not wait for a superseded render to notice; its outputs have their own keys
                .setCancellationType(ActivityCancellationType.TRY_CANCEL)
                .build();
    }

    private static RetryOptions retry(int attempts, Duration maxInterval) {
        return RetryOptions.newBuilder()
                .setInitialInterval(Duration.ofSeconds(1))
                .setBackoffCoefficient(2)
                .setMaximumInterval(maxInterval)
                .setMaximumAttempts(attempts)
                .setDoNotRetry(FailureCodes.NON_RETRYABLE.toArray(String[]::new))
                .build();
    }
}
