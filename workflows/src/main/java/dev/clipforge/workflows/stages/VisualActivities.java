package dev.clipforge.workflows.stages;

import dev.clipforge.workflows.run.ClipWindow;
import io.temporal.activity.ActivityInterface;

/** Face detection, tracking, active speaker and shot boundaries over a window (on {@code clipforge-gpu}). */
@ActivityInterface
public interface VisualActivities {

    record Request(String assetId, int analysisVersion, ClipWindow window, SourceInfo source) {
    }

    VisualAnalysis analyzeVisuals(Request request);
}
