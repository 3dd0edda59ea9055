package dev.clipforge.workflows.stages;

import dev.clipforge.workflows.run.ClipWindow;
import dev.clipforge.workflows.run.Quality;
import io.temporal.activity.ActivityInterface;

/** The final MP4 at a quality; the same inputs give the same export id and object. */
@ActivityInterface
public interface ExportActivities {

    record Request(String exportId, String clipId, String projectId, String assetId, ClipWindow window,
                   SourceInfo source, LayoutPlan layout, CaptionTrack captions, Quality quality) {
    }

    ExportResult exportClip(Request request);
}
