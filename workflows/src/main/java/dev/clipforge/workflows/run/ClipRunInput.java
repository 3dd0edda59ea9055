package dev.clipforge.workflows.run;

import java.time.Instant;

/**
 * Input of {@link ClipRunWorkflow}.
 *
 * @param organisationId the organisation the run belongs to (its concurrent-run limit applies); null in runs started
 *                       before tenancy
 * @param resume null for a new run; the durable state of an earlier execution when the launcher
 *               restarts a run whose history was lost (embedded Temporal keeps history in memory)
 */
public record ClipRunInput(String clipId, String projectId, String assetId, ClipRunSpec spec, RunSettings settings,
                           Instant createdAt, Resume resume, String organisationId) {

    /**
     * What a restarted run keeps from its earlier life: the current selection, the repair passes spent on
     * it, a requested export, and the last published version so {@code state_version} keeps increasing.
     */
    public record Resume(ClipRunSpec.Selection selection, int repairPassesUsed, RepairMode lastRepairMode,
                         Quality exportQuality, long stateVersion) {
    }
}
