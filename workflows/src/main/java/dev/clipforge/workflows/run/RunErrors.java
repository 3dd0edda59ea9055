package dev.clipforge.workflows.run;

import dev.clipforge.workflows.stages.StageFailures;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TimeoutFailure;

/** Turns a stage's failure into the run's structured {@code error}. */
final class RunErrors {
    private RunErrors() {
    }

    static RunError fromActivityFailure(Stage step, ActivityFailure failure) {
        Throwable cause = failure.getCause();
        if (cause instanceof ApplicationFailure af) {
            StageFailures.Detail detail = detail(af);
            boolean retryable = !af.isNonRetryable() && !FailureCodes.NON_RETRYABLE.contains(af.getType());
            return new RunError(step, af.getType(), af.getOriginalMessage(),
                    detail != null ? detail.whyFailed() : af.getOriginalMessage(),
                    detail != null ? detail.howToFix() : retryable
                            ? "the " + step.wire() + " stage kept failing after retries; create the run again, and check the worker logs if it persists"
                            : "correct the input and create a new clip run",
                    retryable);
        }
        if (cause instanceof TimeoutFailure timeout) {
            return new RunError(step, FailureCodes.TIMEOUT, "the " + step.wire() + " stage timed out",
                    "no worker finished or heartbeated the stage in time (" + timeout.getTimeoutType() + ")",
                    "check GET /v1/health for pollers on every task queue, then create the run again", true);
        }
        return new RunError(step, FailureCodes.INTERNAL, "the " + step.wire() + " stage failed",
                String.valueOf(cause == null ? failure.getMessage() : cause.getMessage()),
                "create the run again; if it persists, report it with the clip id", true);
    }

    private static StageFailures.Detail detail(ApplicationFailure af) {
        try {
            return af.getDetails().getSize() == 0 ? null : af.getDetails().get(StageFailures.Detail.class);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
