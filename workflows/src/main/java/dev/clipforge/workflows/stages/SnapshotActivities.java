package dev.clipforge.workflows.stages;

import dev.clipforge.workflows.run.ClipSnapshot;
import io.temporal.activity.ActivityInterface;

/** Publishes a snapshot to Postgres: an upsert that never replaces a newer {@code state_version}. */
@ActivityInterface
public interface SnapshotActivities {
    void publishSnapshot(ClipSnapshot snapshot);
}
