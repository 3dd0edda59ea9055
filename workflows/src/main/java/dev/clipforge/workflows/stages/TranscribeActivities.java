package dev.clipforge.workflows.stages;

import io.temporal.activity.ActivityInterface;

import java.util.List;

/** Speech to word-timed text, once per asset and analysis version (on {@code clipforge-gpu}). */
@ActivityInterface
public interface TranscribeActivities {

    record Request(String assetId, int analysisVersion) {
    }

    TranscriptRef transcribe(Request request);

    /** A person's correction of one segment: its index in the transcript's segments, and what was said. */
    record SegmentEdit(int index, String text) {
    }

    record Revision(String assetId, int fromVersion, List<SegmentEdit> edits) {
        public int toVersion() {
            return fromVersion + 1;
        }
    }

    /**
     * The transcript of {@code fromVersion} with the edited segments' words aligned to their audio, stored as
     * the next version; segments keep their indices.
     */
    TranscriptRef revise(Revision revision);
}
