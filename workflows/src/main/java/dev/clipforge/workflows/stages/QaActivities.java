package dev.clipforge.workflows.stages;

import dev.clipforge.workflows.run.ClipWindow;
import io.temporal.activity.ActivityInterface;

@ActivityInterface
public interface QaActivities {

    record Request(String clipId, String assetId, ClipWindow window, SourceInfo source, TranscriptRef transcript,
                   VisualAnalysis analysis, LayoutPlan layout, CaptionTrack captions, Rendition preview) {
    }

    QaReport checkQuality(Request request);
}
