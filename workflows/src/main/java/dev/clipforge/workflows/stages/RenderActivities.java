package dev.clipforge.workflows.stages;

import dev.clipforge.workflows.run.ClipWindow;
import io.temporal.activity.ActivityInterface;

/** The low-bitrate preview of the current window, layout and captions. */
@ActivityInterface
public interface RenderActivities {

    record Request(String clipId, String assetId, ClipWindow window, SourceInfo source, LayoutPlan layout,
                   CaptionTrack captions) {
    }

    Rendition renderPreview(Request request);
}
