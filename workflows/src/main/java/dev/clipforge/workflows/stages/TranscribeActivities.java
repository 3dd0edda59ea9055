package dev.clipforge.workflows.stages;

import io.temporal.activity.ActivityInterface;

/** Speech to word-timed text, once per asset and analysis version (on {@code clipforge-gpu}). */
@ActivityInterface
public interface TranscribeActivities {

    record Request(String assetId, int analysisVersion) {
    }

    TranscriptRef transcribe(Request request);
}
