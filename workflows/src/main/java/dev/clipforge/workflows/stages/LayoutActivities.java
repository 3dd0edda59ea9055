package dev.clipforge.workflows.stages;

import dev.clipforge.workflows.run.ClipWindow;
import dev.clipforge.workflows.run.LayoutMode;
import dev.clipforge.workflows.run.RepairMode;
import io.temporal.activity.ActivityInterface;

@ActivityInterface
public interface LayoutActivities {

    /** @param repair the repair pass this plan answers, or null */
    record Request(String clipId, String assetId, ClipWindow window, SourceInfo source, VisualAnalysis analysis,
                   LayoutMode layoutMode, RepairMode repair) {
    }

    LayoutPlan planLayout(Request request);
}
