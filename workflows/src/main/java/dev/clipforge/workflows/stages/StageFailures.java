package dev.clipforge.workflows.stages;

import io.temporal.failure.ApplicationFailure;

/**
 * How activities report inputs that can never succeed: a non-retryable failure whose type is the
 * machine code and whose details say why it failed and how to fix it. The workflow turns it into the
 * run's {@code error}.
 */
public final class StageFailures {
    private StageFailures() {
    }

    public record Detail(String whyFailed, String howToFix) {
    }

    public static ApplicationFailure nonRetryable(String code, String message, String whyFailed, String howToFix) {
        return ApplicationFailure.newNonRetryableFailure(message, code, new Detail(whyFailed, howToFix));
    }

    /** A failure worth retrying (a service briefly away); after the retries run out the run fails as retryable. */
    public static ApplicationFailure retryable(String code, String message, String whyFailed, String howToFix) {
        return ApplicationFailure.newFailure(message, code, new Detail(whyFailed, howToFix));
    }
}
