package dev.clipforge.workflows.run;

/**
 * The clip-run contract as a pure function: from a run's state to {@code status}, {@code next_action}
 * and {@code blocking_reason} (DESIGN.md section 4). The first unmet condition, in pipeline order, decides.
 * No I/O and no clock, so the workflow and the tests call the same code.
 */
public final class NextActionRules {
    private NextActionRules() {
    }

    public static Decision decide(RunState s) {
        if (s.cancelled()) {
            return new Decision(RunStatus.CANCELLED, NextAction.STOP, null, null);
        }
        if (s.failed()) {
            return new Decision(RunStatus.FAILED, NextAction.STOP, null, null);
        }
        if (s.queued()) {
            return poll(RunStatus.QUEUED, BlockingReason.RUN_LIMIT_REACHED, null);
        }
        if (s.export() == ExportStatus.COMPLETED) {
            return new Decision(RunStatus.EXPORTED, NextAction.STOP, null, Stage.EXPORT);
        }
        if (s.export() == ExportStatus.RUNNING) {
            return new Decision(RunStatus.EXPORTING, NextAction.POLL, null, Stage.EXPORT);
        }
        if (!s.source().done()) {
            return poll(RunStatus.INGESTING, BlockingReason.SOURCE_NOT_READY, Stage.INGEST);
        }
        if (!s.transcript().done()) {
            return poll(RunStatus.TRANSCRIBING, BlockingReason.SUGGESTIONS_NOT_READY, Stage.TRANSCRIBE);
        }
        if (!s.suggestions().done()) {
            return poll(RunStatus.SUGGESTING, BlockingReason.SUGGESTIONS_NOT_READY, Stage.SUGGEST);
        }
        if (s.selectionInvalid()) {
            return blocked(NextAction.RESELECT, BlockingReason.INVALID_SELECTION, Stage.SELECT);
        }
        if (!s.analysis().done()) {
            return poll(RunStatus.ANALYZING, BlockingReason.ANALYSIS_NOT_READY, Stage.ANALYZE);
        }
        if (s.letterboxRejected()) {
            return blocked(NextAction.RESELECT, BlockingReason.LETTERBOX_REJECTED, Stage.LAYOUT);
        }
        if (!s.layout().done()) {
            return poll(RunStatus.LAYOUT, null, Stage.LAYOUT);
        }
        if (!s.captions().done()) {
            return poll(RunStatus.CAPTIONING, null, Stage.CAPTIONS);
        }
        if (!s.render().done()) {
            return poll(RunStatus.RENDERING, null, Stage.RENDER);
        }
        if (!s.qa().verdict()) {
            return poll(RunStatus.QA, null, Stage.QA);
        }
        if (s.qa() == QaStatus.FAILED && s.qaMode() == QaMode.REQUIRED) {
            return s.repairPassesUsed() < s.maxRepairPasses() && s.qaRepairable()
                    ? blocked(NextAction.REPAIR, BlockingReason.VISUAL_QA_FAILED, Stage.QA)
                    : blocked(NextAction.RESELECT, BlockingReason.VISUAL_QA_FAILED, Stage.QA);
        }
        return new Decision(RunStatus.READY, NextAction.EXPORT, null, Stage.QA);
    }

    private static Decision poll(RunStatus status, BlockingReason reason, Stage stage) {
        return new Decision(status, NextAction.POLL, reason, stage);
    }

    private static Decision blocked(NextAction action, BlockingReason reason, Stage stage) {
        return new Decision(RunStatus.BLOCKED, action, reason, stage);
    }
}
