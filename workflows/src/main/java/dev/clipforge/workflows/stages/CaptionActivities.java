package dev.clipforge.workflows.stages;

import dev.clipforge.workflows.run.ClipWindow;
import io.temporal.activity.ActivityInterface;

@ActivityInterface
public interface CaptionActivities {

    /** @param keepOffFaces place every cue off the faces of the layout (the move_captions_off_faces repair) */
    record Request(String clipId, String assetId, TranscriptRef transcript, ClipWindow window, String styleId,
                   LayoutPlan layout, boolean keepOffFaces) {
    }

    CaptionTrack buildCaptions(Request request);
}
