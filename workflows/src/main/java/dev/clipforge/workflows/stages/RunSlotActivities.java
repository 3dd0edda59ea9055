package dev.clipforge.workflows.stages;

import io.temporal.activity.ActivityInterface;

/**
 * The organisation's concurrent-run slots, kept in Postgres so every worker sees the same count. Both calls are
 * idempotent: a run that holds a slot acquires it again at once; releasing twice releases once.
 */
@ActivityInterface
public interface RunSlotActivities {
    /** Takes a slot if the organisation has one free and no run queued earlier is waiting; false = wait and retry. */
    boolean tryAcquireSlot(String organisationId, String clipId);

    void releaseSlot(String clipId);
}
