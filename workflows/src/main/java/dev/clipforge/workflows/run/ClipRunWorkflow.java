package dev.clipforge.workflows.run;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One clip run (workflow id = clip id): ingest-wait, transcribe, suggest, select, analyse, layout,
 * captions, preview, QA, at most one repair per selection, then export. It owns every decision and
 * publishes a snapshot at each transition.
 */
@WorkflowInterface
public interface ClipRunWorkflow {

    @WorkflowMethod
    ClipSnapshot run(ClipRunInput input);

    /** Choose another suggestion or a time range; work past analysis restarts from layout. */
    @UpdateMethod
    ClipSnapshot reselect(Commands.Reselect command);

    @UpdateValidatorMethod(updateName = "reselect")
    void validateReselect(Commands.Reselect command);

    /** Re-plan after a QA failure; one pass per selection. */
    @UpdateMethod
    ClipSnapshot repair(Commands.Repair command);

    @UpdateValidatorMethod(updateName = "repair")
    void validateRepair(Commands.Repair command);

    @UpdateMethod
    ClipSnapshot export(Commands.Export command);

    @UpdateValidatorMethod(updateName = "export")
    void validateExport(Commands.Export command);

    @UpdateMethod
    ClipSnapshot cancel();

    @UpdateValidatorMethod(updateName = "cancel")
    void validateCancel();

    /** The current state, without publishing; reads normally come from Postgres. */
    /**
     * The asset's transcript was corrected into {@code analysisVersion}: the run shows that version at once
     * and builds captions from it on its next reselect or repair.
     */
    @SignalMethod
    void transcriptRevised(int analysisVersion);

    @QueryMethod
    ClipSnapshot snapshot();
}
