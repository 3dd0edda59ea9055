package dev.clipforge.workflows.stages;

import dev.clipforge.workflows.run.RunError;
import io.temporal.activity.ActivityInterface;

/** Where the run's source stands; a quick database read, run as a local activity. */
@ActivityInterface
public interface SourceActivities {

    enum State { AWAITING_UPLOAD, INGESTING, READY, FAILED, MISSING }

    /** @param error set when {@code state} is FAILED or MISSING */
    record SourceStatus(State state, SourceInfo info, RunError error) {
    }

    SourceStatus sourceStatus(String assetId);

    /** Moves the asset to analysis version {@code to} if it is still at {@code from}; false if it was not. */
    boolean advanceAnalysisVersion(String assetId, int from, int to);
}
