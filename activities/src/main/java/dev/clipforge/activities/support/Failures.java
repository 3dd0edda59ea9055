package dev.clipforge.activities.support;

import dev.clipforge.activities.media.MediaRejected;
import dev.clipforge.activities.net.FetchRefused;
import dev.clipforge.workflows.stages.StageFailures;
import io.temporal.failure.ApplicationFailure;

/** Turns the media and network refusals of this module into the failures the workflows read. */
public final class Failures {
    private Failures() {
    }

    public static ApplicationFailure of(MediaRejected e) {
        return StageFailures.nonRetryable(e.code(), e.getMessage(), e.whyFailed(), e.howToFix());
    }

    public static ApplicationFailure of(FetchRefused e, String howToFix) {
        return e.retryable()
                ? StageFailures.retryable(e.code(), e.getMessage(), e.getMessage(), howToFix)
                : StageFailures.nonRetryable(e.code(), e.getMessage(), e.getMessage(), howToFix);
    }
}
