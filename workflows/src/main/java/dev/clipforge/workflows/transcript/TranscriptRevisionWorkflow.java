package dev.clipforge.workflows.transcript;

import dev.clipforge.workflows.stages.TranscribeActivities;
import dev.clipforge.workflows.stages.TranscriptRef;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * A person's transcript corrections: the edited segments are re-aligned on a GPU worker into the next
 * analysis version, the asset moves to it, and its suggestions are made again from the corrected text.
 * One per asset and version (the workflow id says which), so two corrections of the same version cannot
 * both win.
 */
@WorkflowInterface
public interface TranscriptRevisionWorkflow {

    /** @param minSeconds, maxSeconds, suggestionCount how the new version's suggestions are made */
    record Input(TranscribeActivities.Revision revision, double minSeconds, double maxSeconds, int suggestionCount) {
    }

    static String workflowId(String assetId, int toVersion) {
        return "transcript-" + assetId + "-v" + toVersion;
    }

    @WorkflowMethod
    TranscriptRef revise(Input input);
}
