package dev.clipforge.workflows.run;

/**
 * Everything {@link NextActionRules} looks at: the status of each stage and the verdicts that decide
 * whether the run may go on.
 *
 * @param queued           waiting for one of the organisation's concurrent-run slots
 * @param selectionInvalid the selection does not fit the source (unknown suggestion, range outside or of the wrong length)
 * @param letterboxRejected the planner could only letterbox talking-head content under layout_mode=auto
 * @param qaRepairable     some critical QA finding names a repair that addresses it (else only a reselect can help)
 */
public record RunState(
        boolean cancelled,
        boolean failed,
        boolean queued,
        StageStatus source,
        StageStatus transcript,
        StageStatus suggestions,
        boolean selectionInvalid,
        StageStatus analysis,
        StageStatus layout,
        boolean letterboxRejected,
        StageStatus captions,
        StageStatus render,
        QaStatus qa,
        QaMode qaMode,
        int repairPassesUsed,
        int maxRepairPasses,
        ExportStatus export,
        boolean qaRepairable) {

    /** A run that has just been created. */
    public static RunState initial(QaMode qaMode, int maxRepairPasses) {
        return new RunState(false, false, false, StageStatus.PENDING, StageStatus.PENDING, StageStatus.PENDING, false,
                StageStatus.PENDING, StageStatus.PENDING, false, StageStatus.PENDING, StageStatus.PENDING,
                QaStatus.PENDING, qaMode, 0, maxRepairPasses, ExportStatus.NOT_STARTED, true);
    }
}
